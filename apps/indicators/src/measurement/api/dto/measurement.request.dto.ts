import { z } from 'zod';

const value = z
  .union([z.number().finite(), z.string().trim().min(1).max(5_000)])
  .describe('A number in the indicator’s unit (quantitative) or a text (qualitative)');
const comment = z.string().trim().max(5_000).nullable().optional();

/** Body of `POST /api/v1/cpoms/{id}/indicators/{indicatorId}/measurements`. */
export const recordMeasurementRequestSchema = z
  .object({
    period: z
      .string()
      .min(4)
      .max(7)
      .describe('A year (2027) or, for a half-yearly indicator, a half-year (2027-H1)'),
    value,
    comment,
  })
  .strict();
export type RecordMeasurementRequest = z.infer<typeof recordMeasurementRequestSchema>;

/** Body of `PUT /api/v1/cpoms/{id}/indicators/{indicatorId}/measurements/{period}`. */
export const correctMeasurementRequestSchema = z.object({ value, comment }).strict();
export type CorrectMeasurementRequest = z.infer<typeof correctMeasurementRequestSchema>;

export const indicatorParams = z.object({ id: z.uuid(), indicatorId: z.uuid() });
export const measurementParams = indicatorParams.extend({ period: z.string().min(4).max(7) });
export const cpomParams = z.object({ id: z.uuid() });

/** `?format=json|csv` of every list this service answers (default json). */
export const exportQuerySchema = z
  .object({
    format: z
      .enum(['json', 'csv'])
      .default('json')
      .describe('json (default) or csv (French, `;`, UTF-8 BOM)'),
  })
  .strict();
