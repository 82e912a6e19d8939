import type { CalendarDate } from '@tripartite/calendar';
import {
  type IndicatorStatus,
  indicatorStatusOf,
  type ReportedValue,
} from '../../measurement/domain/indicator-status.rule';
import { type Contribution, contributionOf, DATED_GENERATION, differenceOf } from './cpom-contribution';
import { type CpomHistory, entryAt } from './cpom-history';

/** One value of an indicator for a period as it stood from the day it was reported or corrected. */
export interface KnownValue extends ReportedValue {
  indicatorId: string;
  knownOn: CalendarDate;
}

/** From `on`, the CPOM adds `contribution` to its region's counters (until the next step). */
export interface ContributionStep {
  on: CalendarDate;
  contribution: Contribution;
}

/** A move of a region's counters dated by the business date it takes effect on. */
export interface DatedMove {
  on: CalendarDate;
  delta: Contribution;
}

/** The date of the moves that count at every date (a region's generation; what was counted before the dates). */
export const EVERY_DATE: CalendarDate = '0001-01-01';

/** The move that tells the dashboards a region's dated rows changed (ADR 0019: they sum them again). */
export const NEXT_GENERATION: DatedMove = { on: EVERY_DATE, delta: { [DATED_GENERATION]: 1 } };

/**
 * A CPOM's contribution to its region's counters as a function of the date, in steps: at each date something
 * changed (a status, a content version, a review, a value reported or corrected), its contribution as it stood
 * that day — its status, its actions by theme and its indicators by status from the values known that day
 * (ADR 0019). Nothing before its first fact.
 */
export function contributionStepsOf(history: CpomHistory, values: readonly KnownValue[]): ContributionStep[] {
  const dates = [
    ...new Set([
      ...history.statuses.map((entry) => entry.on),
      ...history.contents.map((entry) => entry.on),
      ...history.reviews.map((entry) => entry.on),
      ...values.map((value) => value.knownOn),
    ]),
  ].sort();
  const steps: ContributionStep[] = [];
  let previous = canonical({});
  for (const date of dates) {
    const contribution = contributionAt(history, values, date);
    const key = canonical(contribution);
    if (key === previous) continue;
    steps.push({ on: date, contribution });
    previous = key;
  }
  return steps;
}

/**
 * The dated moves that take the counters from one step function to another: at each date, the change of the
 * difference between them since the date before. Summed over every date, the counters hold the new steps.
 */
export function movesBetween(
  before: readonly ContributionStep[],
  after: readonly ContributionStep[],
): DatedMove[] {
  const dates = [...new Set([...before.map((step) => step.on), ...after.map((step) => step.on)])].sort();
  const moves: DatedMove[] = [];
  let gap: Contribution = {};
  for (const date of dates) {
    const gapThen = differenceOf(valueAt(before, date), valueAt(after, date));
    const delta = differenceOf(gap, gapThen);
    if (Object.keys(delta).length > 0) moves.push({ on: date, delta });
    gap = gapThen;
  }
  return moves;
}

function contributionAt(
  history: CpomHistory,
  values: readonly KnownValue[],
  date: CalendarDate,
): Contribution {
  const status = entryAt(history.statuses, date)?.status;
  if (!status) return {};
  const content = entryAt(history.contents, date);
  const indicatorsByStatus: Partial<Record<IndicatorStatus, number>> = {};
  for (const indicator of content?.indicators ?? []) {
    const known = valuesKnownOn(values, indicator.indicatorId, date);
    const standing = indicatorStatusOf(indicator, content!.period, known);
    indicatorsByStatus[standing] = (indicatorsByStatus[standing] ?? 0) + 1;
  }
  return contributionOf({
    status,
    reviewState: entryAt(history.reviews, date)?.state ?? null,
    actionsByTheme: content?.themes ?? {},
    indicatorsByStatus,
  });
}

/** Per period, the indicator's latest value known on `date` (a correction replaces the value it corrects). */
function valuesKnownOn(
  values: readonly KnownValue[],
  indicatorId: string,
  date: CalendarDate,
): ReportedValue[] {
  const byPeriod = new Map<string, KnownValue>();
  for (const value of values) {
    if (value.indicatorId !== indicatorId || value.knownOn > date) continue;
    const known = byPeriod.get(value.period);
    if (!known || known.knownOn <= value.knownOn) byPeriod.set(value.period, value);
  }
  return [...byPeriod.values()];
}

function valueAt(steps: readonly ContributionStep[], date: CalendarDate): Contribution {
  return entryAt(steps, date)?.contribution ?? {};
}

function canonical(contribution: Contribution): string {
  return JSON.stringify(Object.entries(contribution).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
