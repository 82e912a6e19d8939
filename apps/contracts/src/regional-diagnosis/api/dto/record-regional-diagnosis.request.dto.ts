import { calendarDateSchema, regionCodeSchema } from '@tripartite/events';
import { z } from 'zod';

const contentFields = {
  title: z.string().trim().min(1).max(200),
  summary: z.string().trim().min(1).max(50_000).describe('the diagnosis itself'),
  sources: z
    .array(z.string().trim().min(1).max(300))
    .min(1)
    .max(50)
    .describe('what it rests on: PRST, AT-MP statistics, the services’ reports…'),
  diagnosedOn: calendarDateSchema.describe('the day the DIRECCTE and the Caisse established it'),
};

/**
 * Body of `POST /api/v1/regional-diagnoses`. The shape is checked here (400); the rules of the text (not
 * dated after today, sources named once, one diagnosis per region) are the domain's (422, 409).
 */
export const recordRegionalDiagnosisRequestSchema = z
  .object({ region: regionCodeSchema, ...contentFields })
  .strict();

export type RecordRegionalDiagnosisRequest = z.infer<typeof recordRegionalDiagnosisRequestSchema>;

/** Body of `POST /api/v1/regional-diagnoses/{id}/versions`: the whole new text. */
export const reviseRegionalDiagnosisRequestSchema = z.object(contentFields).strict();

export type ReviseRegionalDiagnosisRequest = z.infer<typeof reviseRegionalDiagnosisRequestSchema>;
