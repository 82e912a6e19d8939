import { addDays, LATEST_CALENDAR_DATE, startOfDayInParis } from '@tripartite/calendar';
import { calendarDateSchema } from '@tripartite/events';
import { z } from 'zod';

/** A day (`2027-03-15`, in Paris, within the platform's date range) or an instant with its offset. */
const dayOrInstant = z.union([calendarDateSchema, z.iso.datetime({ offset: true })]);

/** `from` and `to` of a list of recorded things: spread it into the list's query, with `periodRule`. */
export const periodQueryFields = {
  from: dayOrInstant.optional().describe('Recorded on or after this day (Paris) or instant, e.g. 2027-03-01'),
  to: dayOrInstant
    .optional()
    .describe('Recorded on or before this day (Paris), or before this instant, e.g. 2027-03-31'),
};

/** A period as instants: from `from` (included) to `to` (excluded); either may be open. */
export interface Period {
  from?: Date;
  to?: Date;
}

const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** The instants of a query's period: a day bound covers the whole day in Paris. */
export function periodOf(query: { from?: string; to?: string }): Period {
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
        : query.to === LATEST_CALENDAR_DATE
          ? undefined // through the last day there is: no end
          : isDay(query.to)
            ? startOfDayInParis(addDays(query.to, 1))
            : new Date(query.to),
  };
}

/**
 * `from` after `to` is a 400 naming `from` (rule `notAfterTo`): a period that holds no instant is a
 * mistake in the request, not an empty answer.
 */
export function periodRule(query: { from?: string; to?: string }, context: z.RefinementCtx): void {
  const { from, to } = periodOf(query);
  if (from && to && from.getTime() >= to.getTime()) {
    context.addIssue({
      code: 'custom',
      path: ['from'],
      message: 'must not be after `to`',
      params: { rule: 'notAfterTo' },
    });
  }
}
