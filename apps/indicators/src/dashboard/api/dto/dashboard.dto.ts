import { calendarDateSchema, regionCodeSchema } from '@tripartite/events';
import { z } from 'zod';

export const regionParams = z.object({ region: regionCodeSchema });

const format = z
  .enum(['json', 'csv'])
  .default('json')
  .describe('json (default) or csv (French, `;`, UTF-8 BOM)');

export const dashboardQuerySchema = z
  .object({ at: calendarDateSchema.optional().describe('The date of the figures (default: today)'), format })
  .strict();
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

const year = z.coerce.number().int().min(2000).max(2100);
export const historyQuerySchema = z
  .object({
    from: year.optional().describe('First year (default: four years before `to`)'),
    to: year.optional().describe('Last year (default: this year)'),
    format,
  })
  .strict()
  .refine((query) => query.from === undefined || query.to === undefined || query.from <= query.to, {
    message: 'must not be after to',
    path: ['from'],
  })
  .refine((query) => query.from === undefined || query.to === undefined || query.to - query.from < 30, {
    message: 'a history covers at most 30 years',
    path: ['from'],
  });
export type HistoryQuery = z.infer<typeof historyQuerySchema>;

const count = z.number();
export const steeringFiguresSchema = z.object({
  region: z.string(),
  at: z.string(),
  agreements: z.object({
    agreedServices: count,
    agreedSsti: count,
    conditional: count,
    expiringWithin12Months: count,
  }),
  serviceProjectsApproved: count,
  cpomsInForce: count,
  cpomsByStatus: z.record(z.string(), count),
  employeesFollowed: z.object({ byAgreedServices: count, byServicesWithCpomInForce: count }),
  coverage: z.object({
    agreedSsti: count,
    withCpomInForce: count,
    cpomShare: z.number().nullable(),
    withPartnershipProtocol: count,
    partnershipShare: z.number().nullable(),
    partnershipTarget: z.number(),
  }),
  actionsByTheme: z.array(
    z.object({ theme: z.string(), label: z.string(), nationalProgramme: z.boolean(), actions: count }),
  ),
  indicators: z.object({ onTrack: count, behind: count, noData: count }),
  reviews: z.object({ due: count, overdue: count, heldInYear: count }),
});

export const nationalDashboardSchema = z.object({
  regions: z.array(steeringFiguresSchema),
  total: steeringFiguresSchema,
});
export const regionHistorySchema = z.object({ region: z.string(), years: z.array(steeringFiguresSchema) });
export const nationalHistorySchema = z.object({ years: z.array(nationalDashboardSchema) });
