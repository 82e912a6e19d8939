import { addMonths, type CalendarDate } from '@tripartite/calendar';

/**
 * The review dates of a CPOM: "un examen au moins annuel par les trois parties contractantes" (seed 002
 * II.4), on each anniversary of its start (every six months when its follow-up says so), within its period.
 * The next one is the first such date after `after`; null when none remains before the end (the final
 * evaluation takes over).
 */
export function nextReviewDate(
  period: { periodStart: CalendarDate; periodEnd: CalendarDate },
  stepMonths: number,
  after: CalendarDate,
): CalendarDate | null {
  for (let k = 1; ; k++) {
    const date = addMonths(period.periodStart, k * stepMonths);
    if (date > period.periodEnd) return null;
    if (date > after) return date;
  }
}
