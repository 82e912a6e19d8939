import { addDays, type CalendarDate, daysBetween } from '@tripartite/calendar';

/** How often an indicator is reported (seed 002 II.4: examined at least yearly; half-yearly where it says so). */
export type Frequency = 'yearly' | 'half_yearly';

/** A reporting period: a year (`2027`) or a half-year (`2027-H1`, `2027-H2`). */
export interface ReportingPeriod {
  readonly label: string;
  readonly start: CalendarDate;
  readonly end: CalendarDate;
  readonly frequency: Frequency;
}

const YEAR = /^(\d{4})$/;
const HALF_YEAR = /^(\d{4})-H([12])$/;

/** Reads a period label; null when it is neither a year nor a half-year. */
export function parseReportingPeriod(label: string): ReportingPeriod | null {
  const year = YEAR.exec(label);
  if (year) return { label, start: `${year[1]}-01-01`, end: `${year[1]}-12-31`, frequency: 'yearly' };
  const half = HALF_YEAR.exec(label);
  if (half) {
    const first = half[2] === '1';
    return {
      label,
      start: `${half[1]}-${first ? '01-01' : '07-01'}`,
      end: `${half[1]}-${first ? '06-30' : '12-31'}`,
      frequency: 'half_yearly',
    };
  }
  return null;
}

/** The share of `[start, end]` elapsed at the end of day `at` (0 before it starts, 1 once it ended). */
export function elapsedShare(start: CalendarDate, end: CalendarDate, at: CalendarDate): number {
  const total = daysBetween(start, addDays(end, 1));
  if (total <= 0) return 1;
  const elapsed = daysBetween(start, addDays(at, 1));
  return Math.min(1, Math.max(0, elapsed / total));
}
