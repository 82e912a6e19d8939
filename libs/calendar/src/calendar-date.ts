import { DateTime, Duration } from 'luxon';
import { CalendarRangeError, isWithinCalendarRange } from './calendar-range';

/**
 * Calendar dates of French law (`2027-03-15`), in the Europe/Paris zone. The Code du travail counts
 * in days, months and years; an instant only appears when a deadline needs a moment to fire: the
 * start of a day in Paris, whatever the server's zone.
 */
export type CalendarDate = string;

export const LEGAL_ZONE = 'Europe/Paris';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isCalendarDate(value: string): boolean {
  return ISO_DATE.test(value) && DateTime.fromISO(value, { zone: LEGAL_ZONE }).isValid;
}

/** The day it is in Paris at `instant`. */
export function calendarDateAt(instant: Date): CalendarDate {
  return DateTime.fromJSDate(instant, { zone: LEGAL_ZONE }).toISODate() as CalendarDate;
}

/** Midnight in Paris at the start of `date`, as an instant (winter UTC+1, summer UTC+2). */
export function startOfDayInParis(date: CalendarDate): Date {
  return parse(date).startOf('day').toJSDate();
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return format(parse(date).plus({ days }));
}

/** Adds months; the 31st lands on the month's last day (31 August + 6 months = 28 or 29 February). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  return format(parse(date).plus({ months }));
}

/** Adds (or, negative, takes away) an ISO 8601 duration such as `P6M` or `P7D`. */
export function shiftBy(date: CalendarDate, isoDuration: string, sign: 1 | -1): CalendarDate {
  const duration = Duration.fromISO(isoDuration);
  if (!duration.isValid) throw new RangeError(`"${isoDuration}" is not an ISO 8601 duration`);
  const base = parse(date);
  return format(sign === 1 ? base.plus(duration) : base.minus(duration));
}

export function isIsoDuration(text: string): boolean {
  return Duration.fromISO(text).isValid;
}

/**
 * The last day of a period of `years` starting on `start`: the day before the same date `years` later.
 * The period that starts on 1 March 2013 for five years runs through 28 February 2018; from 1 March
 * 2027, through 29 February 2032. When that date does not exist (a start on 29 February, or on the
 * 31st for months), the period runs through the last day of the month (art. 641 CPC).
 */
export function lastDayOfYears(start: CalendarDate, years: number): CalendarDate {
  return lastDayOf(parse(start), { years });
}

/** The last day of a period of `months` starting on `start` (1 March + 24 months → 28/29 February). */
export function lastDayOfMonths(start: CalendarDate, months: number): CalendarDate {
  return lastDayOf(parse(start), { months });
}

function lastDayOf(start: DateTime, length: { years: number } | { months: number }): CalendarDate {
  const anniversary = start.plus(length);
  // Luxon clamps a missing date to the month's last day: that day is then the period's last day.
  const clamped = anniversary.day < start.day;
  return format(clamped ? anniversary : anniversary.minus({ days: 1 }));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round(parse(to).diff(parse(from), 'days').days);
}

/** ISO dates compare as strings; these read better in rules. */
export function isBefore(a: CalendarDate, b: CalendarDate): boolean {
  return a < b;
}

export function isAfter(a: CalendarDate, b: CalendarDate): boolean {
  return a > b;
}

export function earliest(...dates: CalendarDate[]): CalendarDate {
  return [...dates].sort()[0] as CalendarDate;
}

export function latest(...dates: CalendarDate[]): CalendarDate {
  return [...dates].sort().reverse()[0] as CalendarDate;
}

/** "15 mars 2027": how an e-mail names a date. */
export function dateInFrenchWords(date: CalendarDate): string {
  const day = parse(date);
  return `${day.day === 1 ? '1er' : day.day} ${day.setLocale('fr').toFormat('LLLL yyyy')}`;
}

function parse(date: CalendarDate): DateTime {
  const parsed = DateTime.fromISO(date, { zone: LEGAL_ZONE });
  if (!ISO_DATE.test(date) || !parsed.isValid) throw new RangeError(`"${date}" is not a calendar date`);
  return parsed;
}

/** Every date the library computes stays in the platform's range (see calendar-range.ts). */
function format(date: DateTime): CalendarDate {
  const text = date.toISODate() as CalendarDate;
  if (!ISO_DATE.test(text) || !isWithinCalendarRange(text)) throw new CalendarRangeError(text);
  return text;
}
