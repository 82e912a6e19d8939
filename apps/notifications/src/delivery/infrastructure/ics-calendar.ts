import { addDays, isCalendarDate, LEGAL_ZONE } from '@tripartite/calendar';
import { createEvent, type EventAttributes } from 'ics';

/** One all-day entry of a calendar: a deadline on a Europe/Paris calendar date. */
export interface AllDayEntry {
  /** Names the deadline, so that a later reminder of the same deadline updates the entry. */
  uid: string;
  date: string;
  summary: string;
  description: string;
  url: string;
  /** DTSTAMP: when the entry was written (the platform's clock). */
  stamp: Date;
}

export const ICS_CONTENT_TYPE = 'text/calendar; charset=utf-8; method=PUBLISH';

/**
 * An iCalendar (RFC 5545) file with one all-day event, written by the `ics` package: DTSTART and DTEND
 * as DATE values (the day itself, the end exclusive), which calendars show on that day whatever their
 * zone; the calendar says it is kept in Europe/Paris, the zone of the law's dates. A display alarm at
 * 9:00 a week before (6 days 15 hours before the day starts: the `ics` package always writes a time part,
 * so a bare `-P7D` cannot be had).
 */
export function allDayCalendar(entry: AllDayEntry): string {
  if (!isCalendarDate(entry.date)) throw new RangeError(`"${entry.date}" is not a calendar date`);
  const attributes: EventAttributes & { timestamp: number } = {
    productId: '-//Tripartite//Notifications//FR',
    method: 'PUBLISH',
    uid: entry.uid,
    timestamp: entry.stamp.getTime(),
    start: dateArray(entry.date),
    end: dateArray(addDays(entry.date, 1)),
    title: entry.summary,
    description: entry.description,
    url: entry.url,
    status: 'CONFIRMED',
    busyStatus: 'FREE',
    transp: 'TRANSPARENT',
    alarms: [
      { action: 'display', description: entry.summary, trigger: { days: 6, hours: 15, before: true } },
    ],
  };
  const { error, value } = createEvent(attributes);
  if (error || !value)
    throw new Error(`Could not write the calendar entry: ${error?.message ?? 'no output'}`);
  // The `ics` package has no option for it: the zone the calendar's dates are read in.
  return value.replace('CALSCALE:GREGORIAN\r\n', `CALSCALE:GREGORIAN\r\nX-WR-TIMEZONE:${LEGAL_ZONE}\r\n`);
}

function dateArray(date: string): [number, number, number] {
  const [year, month, day] = date.split('-').map(Number);
  return [year, month, day];
}
