import { z } from 'zod';
import type { CorrectionRow, MeasurementRow } from '../../infrastructure/measurement.repository';

export const measurementResponseSchema = z.object({
  indicatorId: z.uuid(),
  period: z.string(),
  value: z.union([z.number(), z.string()]).nullable(),
  comment: z.string().nullable(),
  reportedBy: z.string(),
  reportingOrganisation: z.string().nullable(),
  reportedAt: z.string(),
  version: z.number().int(),
});
export type MeasurementResponse = z.infer<typeof measurementResponseSchema>;

export const correctionResponseSchema = z.object({
  versionBefore: z.number().int(),
  before: z.object({ value: z.union([z.number(), z.string()]).nullable(), comment: z.string().nullable() }),
  after: z.object({ value: z.union([z.number(), z.string()]).nullable(), comment: z.string().nullable() }),
  correctedBy: z.string(),
  correctedAt: z.string(),
});

export const measurementWithHistoryResponseSchema = measurementResponseSchema.extend({
  corrections: z.array(correctionResponseSchema),
});
export type MeasurementWithHistoryResponse = z.infer<typeof measurementWithHistoryResponseSchema>;

export const cpomIndicatorsResponseSchema = z.object({
  contractId: z.uuid(),
  status: z.string(),
  region: z.string(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  contentVersion: z.number().int(),
  indicators: z.array(
    z.object({
      indicatorId: z.uuid(),
      name: z.string(),
      actionId: z.uuid(),
      actionTitle: z.string(),
      theme: z.string(),
      kind: z.enum(['quantitative', 'qualitative']),
      purpose: z.string(),
      unit: z.string().nullable(),
      baseline: z.number().nullable(),
      target: z.number().nullable(),
      direction: z.enum(['increase', 'decrease', 'maintain']).nullable(),
      frequency: z.enum(['yearly', 'half_yearly']),
      status: z.enum(['on_track', 'behind', 'no_data']),
      progress: z.number().nullable(),
      values: z.array(measurementResponseSchema),
    }),
  ),
});
export type CpomIndicatorsResponse = z.infer<typeof cpomIndicatorsResponseSchema>;

export function toMeasurementResponse(row: MeasurementRow): MeasurementResponse {
  return {
    indicatorId: row.indicatorId,
    period: row.period,
    value: row.numericValue ?? row.textValue,
    comment: row.comment,
    reportedBy: row.reportedBy,
    reportingOrganisation: row.reportingOrganisation,
    reportedAt: new Date(row.reportedAt).toISOString(),
    version: row.version,
  };
}

export function toCorrectionResponse(row: CorrectionRow): z.infer<typeof correctionResponseSchema> {
  return { ...row, correctedAt: new Date(row.correctedAt).toISOString() };
}
