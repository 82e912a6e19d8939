import { EARLIEST_CALENDAR_DATE, isWithinCalendarRange, LATEST_CALENDAR_DATE } from '@tripartite/calendar';
import { z } from 'zod';

/**
 * A calendar date (`2027-03-15`), read in the Europe/Paris zone: the law counts days, not instants. Only
 * real dates within the platform's range (1900-01-01..9999-12-31, see @tripartite/calendar): a request
 * dated `0000-01-01` is a 400 naming the field (rule `range`), not a 500 from PostgreSQL.
 */
export const calendarDateSchema = z.iso.date().refine(
  // A value that is no date at all already has its issue (rule `date`): range only judges dates.
  (value) => !/^\d{4}-\d{2}-\d{2}$/.test(value) || isWithinCalendarRange(value),
  {
    message: `must be between ${EARLIEST_CALENDAR_DATE} and ${LATEST_CALENDAR_DATE}`,
    params: { rule: 'range' },
  },
);
