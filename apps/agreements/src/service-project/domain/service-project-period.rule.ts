import { type CalendarDate, isAfter, lastDayOfYears } from '@tripartite/calendar';
import type { RuleProblem, RuleWarning } from './service-project.types';

/**
 * The longest period that still fits an agrément's and a CPOM's: five years (D.4622-48, L.4622-10). The
 * Code du travail sets no duration for the service project; the DGT/DRP note (seed 002, part I.1)
 * encourages a maximum aligned with both. Longer periods are accepted with a warning (ADR 0008).
 */
export const ALIGNED_YEARS = 5;

/** A project runs over a period that ends after it starts. */
export function periodProblems(periodStart: CalendarDate, periodEnd: CalendarDate): RuleProblem[] {
  if (isAfter(periodEnd, periodStart)) return [];
  return [
    {
      field: 'periodEnd',
      rule: 'after-period-start',
      message: `must be after periodStart (${periodStart})`,
    },
  ];
}

/** What is worth saying about a period, without refusing it. */
export function periodWarnings(periodStart: CalendarDate, periodEnd: CalendarDate): RuleWarning[] {
  const alignedEnd = lastDayOfYears(periodStart, ALIGNED_YEARS);
  if (!isAfter(periodEnd, alignedEnd)) return [];
  return [
    {
      code: 'SERVICE_PROJECT.LONGER_THAN_FIVE_YEARS',
      field: 'periodEnd',
      message:
        `the period runs past ${alignedEnd}, longer than the five years of an agrément and a CPOM: ` +
        'the law sets no duration, but aligning the project with them is encouraged (seed 002, I.1)',
    },
  ];
}

/** Whether two periods (first and last days included) share at least one day. */
export function periodsOverlap(
  a: { periodStart: CalendarDate; periodEnd: CalendarDate },
  b: { periodStart: CalendarDate; periodEnd: CalendarDate },
): boolean {
  return a.periodStart <= b.periodEnd && b.periodStart <= a.periodEnd;
}
