import { type CalendarDate, lastDayOfYears } from '@tripartite/calendar';
import type { RuleProblem } from '@tripartite/errors';

/** "conclu pour une période maximale de cinq ans" (L.4622-10; D.4622-47), amendments included. */
export const CPOM_MAX_YEARS = 5;
export const DURATION_RULE = 'durée maximale de cinq ans, avenants compris (L.4622-10, D.4622-47)';

/** The last day a CPOM starting on `start` may run to: start + 5 years − 1 day. */
export function latestCpomEnd(start: CalendarDate): CalendarDate {
  return lastDayOfYears(start, CPOM_MAX_YEARS);
}

/** Problems of a CPOM's period: it ends after it starts, and lasts at most five years (D.4622-47). */
export function periodProblems(period: {
  periodStart: CalendarDate;
  periodEnd: CalendarDate;
}): RuleProblem[] {
  if (period.periodEnd < period.periodStart) {
    return [
      {
        field: 'periodEnd',
        rule: 'la fin suit le début (règle de la plateforme)',
        message: `periodEnd ${period.periodEnd} is before periodStart ${period.periodStart}`,
      },
    ];
  }
  const latest = latestCpomEnd(period.periodStart);
  if (period.periodEnd > latest) {
    return [
      {
        field: 'periodEnd',
        rule: DURATION_RULE,
        message: `a CPOM starting on ${period.periodStart} ends on ${latest} at the latest, not ${period.periodEnd}`,
      },
    ];
  }
  return [];
}

/** Whether two periods share a day: at most one CPOM in force per service over any date (D.4622-47). */
export function periodsOverlap(
  a: { periodStart: CalendarDate; periodEnd: CalendarDate },
  b: { periodStart: CalendarDate; periodEnd: CalendarDate },
): boolean {
  return a.periodStart <= b.periodEnd && b.periodStart <= a.periodEnd;
}
