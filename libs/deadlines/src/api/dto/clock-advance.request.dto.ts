import { z } from 'zod';

const MS = { days: 86_400_000, hours: 3_600_000, minutes: 60_000, seconds: 1_000, ms: 1 } as const;
/** One call moves time by a century at most: enough for any demo, small enough to stay exact in ms. */
const MAX_ADVANCE_MS = 100 * 366 * MS.days;

const amount = z.number().finite().nonnegative();

/**
 * How far to move platform time forward; the parts add up (`{"days": 1, "hours": 2}`).
 * Parses to the total in milliseconds.
 */
export const clockAdvanceRequestSchema = z
  .strictObject({
    days: amount.optional().describe('Days to add'),
    hours: amount.optional().describe('Hours to add'),
    minutes: amount.optional().describe('Minutes to add'),
    seconds: amount.optional().describe('Seconds to add'),
    ms: amount.int().optional().describe('Milliseconds to add'),
  })
  .transform((body) =>
    Math.round(
      (body.days ?? 0) * MS.days +
        (body.hours ?? 0) * MS.hours +
        (body.minutes ?? 0) * MS.minutes +
        (body.seconds ?? 0) * MS.seconds +
        (body.ms ?? 0),
    ),
  )
  .refine((total) => total > 0, 'give at least one of days, hours, minutes, seconds or ms, above 0')
  .refine((total) => total <= MAX_ADVANCE_MS, 'moves time by 100 years at most per call');
