import { addDays, startOfDayInParis } from '@tripartite/calendar';
import { z } from 'zod';
import { DELIVERY_STATUSES } from '../../domain/delivery';

/** A day (`2027-03-15`, in Paris) or an instant with its offset. */
const dayOrInstant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const listNotificationsQuerySchema = z
  .object({
    status: z.enum(DELIVERY_STATUSES).optional(),
    eventType: z.string().min(1).max(100).optional().describe('e.g. agreement.renewal_due'),
    recipient: z.email().optional().describe('E-mail address of the recipient'),
    from: dayOrInstant
      .optional()
      .describe('Recorded on or after this day (Paris) or instant, e.g. 2027-03-01'),
    to: dayOrInstant
      .optional()
      .describe('Recorded on or before this day (Paris), or before this instant, e.g. 2027-03-31'),
    before: z.uuid().optional().describe('The last id of the previous page'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

export type ListNotificationsQuery = z.infer<typeof listNotificationsQuerySchema>;

/** The period of a query as instants: a day bound covers the whole day in Paris. */
export function periodOf(query: Pick<ListNotificationsQuery, 'from' | 'to'>): { from?: Date; to?: Date } {
  const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);
  return {
    from:
      query.from === undefined
        ? undefined
        : isDay(query.from)
          ? startOfDayInParis(query.from)
          : new Date(query.from),
    to:
      query.to === undefined
        ? undefined
        : isDay(query.to)
          ? startOfDayInParis(addDays(query.to, 1))
          : new Date(query.to),
  };
}
