import { z } from 'zod';
import type { RegionalDiagnosis } from '../../domain/regional-diagnosis';
import type { DiagnosisVersion } from '../../domain/regional-diagnosis.types';

const date = z.string().describe('calendar date, YYYY-MM-DD (Europe/Paris)');

export const diagnosisVersionResponseSchema = z.object({
  diagnosisVersion: z.number().int(),
  title: z.string(),
  summary: z.string(),
  sources: z.array(z.string()),
  diagnosedOn: date,
  recordedOn: date,
  recordedBy: z.uuid().nullable().describe('the organisation of who recorded it; null for an administrator'),
});

/** A diagnosis with its latest text, and the versions it had (each readable at `…/versions/{n}`). */
export const regionalDiagnosisResponseSchema = z.object({
  id: z.uuid(),
  region: z.string(),
  latest: diagnosisVersionResponseSchema,
  versions: z.array(
    z.object({ diagnosisVersion: z.number().int(), title: z.string(), diagnosedOn: date, recordedOn: date }),
  ),
  version: z.number().int().describe('the ETag: send it back in If-Match to record a new version'),
});

export type DiagnosisVersionResponse = z.infer<typeof diagnosisVersionResponseSchema>;
export type RegionalDiagnosisResponse = z.infer<typeof regionalDiagnosisResponseSchema>;

export function toDiagnosisVersionResponse({
  number,
  sources,
  ...text
}: DiagnosisVersion): DiagnosisVersionResponse {
  return { diagnosisVersion: number, ...text, sources: [...sources] };
}

export function toRegionalDiagnosisResponse(diagnosis: RegionalDiagnosis): RegionalDiagnosisResponse {
  return {
    id: diagnosis.id,
    region: diagnosis.region,
    latest: toDiagnosisVersionResponse(diagnosis.latest),
    versions: diagnosis.versions.map((text) => ({
      diagnosisVersion: text.number,
      title: text.title,
      diagnosedOn: text.diagnosedOn,
      recordedOn: text.recordedOn,
    })),
    version: diagnosis.version,
  };
}
