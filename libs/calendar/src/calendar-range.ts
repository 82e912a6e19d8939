import { DomainError } from '@tripartite/errors';

/**
 * The dates the platform holds, both included. 9999-12-31: the last day with the four-digit year that ISO
 * 8601 dates, our schemas and PostgreSQL's `date` input all read the same way (year 0000 or 10000 is a 500
 * waiting to happen). 1900-01-01: no agrément, CPOM or consultation predates occupational health law
 * (1946), and Paris kept its own mean time (UTC+0:09:21) until 1911, which no deadline should meet.
 */
export const EARLIEST_CALENDAR_DATE = '1900-01-01';
export const LATEST_CALENDAR_DATE = '9999-12-31';

/** For ISO dates (`YYYY-MM-DD`), which compare as strings. */
export function isWithinCalendarRange(date: string): boolean {
  return date >= EARLIEST_CALENDAR_DATE && date <= LATEST_CALENDAR_DATE;
}

/**
 * A computed date fell outside the range (five years after 9998-06-01): the request that asked for it is
 * refused (a broken rule: 422), as a date given outside the range is (400, rule `range`).
 */
export class CalendarRangeError extends DomainError {
  constructor(readonly date: string) {
    super(
      'CALENDAR.OUT_OF_RANGE',
      `a date computed from this request (${date}) falls outside ${EARLIEST_CALENDAR_DATE}..${LATEST_CALENDAR_DATE}`,
      { rule: 'règle de la plateforme: dates from 1900-01-01 to 9999-12-31' },
    );
  }
}
