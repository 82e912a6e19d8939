import type { CalendarDate } from '@tripartite/calendar';
import { elapsedShare, parseReportingPeriod } from './reporting-period';

/** Where an indicator stands (the dashboards count them: seed 002 II.4 follow-up). */
export const indicatorStatuses = ['on_track', 'behind', 'no_data'] as const;
export type IndicatorStatus = (typeof indicatorStatuses)[number];

export interface IndicatorDefinition {
  kind: 'quantitative' | 'qualitative';
  baseline: number | null;
  target: number | null;
  direction: 'increase' | 'decrease' | 'maintain' | null;
}

export interface ReportedValue {
  period: string;
  numericValue: number | null;
  textValue: string | null;
}

/** How far a `maintain` indicator may stray from its target and stay on track. */
export const MAINTAIN_TOLERANCE = 0.05;

/**
 * Progress from the baseline toward the target, as a share (0 at the baseline, 1 at the target, more beyond
 * it); null when it cannot be said (qualitative, no baseline or target, or both equal).
 */
export function progressOf(definition: IndicatorDefinition, value: number | null): number | null {
  const { baseline, target } = definition;
  if (definition.kind !== 'quantitative' || value === null || baseline === null || target === null)
    return null;
  if (target === baseline) return null;
  return (value - baseline) / (target - baseline);
}

/**
 * The status of an indicator from its latest reported value (the one of the latest period), the platform's
 * rule (ADR 0019), so the status of a value never changes with the day it is read:
 * - no value reported: `no_data`;
 * - qualitative: reported, `on_track` (its appreciation is the text itself);
 * - quantitative without a target: `on_track` once reported (nothing to compare with);
 * - `increase` / `decrease`: the value expected at the end of the reported period lies on the straight line
 *   from the baseline (CPOM start) to the target (CPOM end), by the share of the CPOM's period elapsed at that
 *   date; `on_track` when the value is at least (increase) or at most (decrease) that expected value, else
 *   `behind`. Without a baseline, the target itself is expected;
 * - `maintain`: `on_track` while the value stays within 5 % of the target.
 */
export function indicatorStatusOf(
  definition: IndicatorDefinition,
  cpomPeriod: { start: CalendarDate; end: CalendarDate },
  values: readonly ReportedValue[],
): IndicatorStatus {
  const latest = [...values]
    .map((value) => ({ value, period: parseReportingPeriod(value.period) }))
    .filter((entry) => entry.period !== null)
    .sort((a, b) => (a.period!.end < b.period!.end ? -1 : a.period!.end > b.period!.end ? 1 : 0))
    .at(-1);
  if (!latest) return 'no_data';
  if (definition.kind === 'qualitative') return latest.value.textValue ? 'on_track' : 'no_data';
  const value = latest.value.numericValue;
  if (value === null) return 'no_data';
  const { baseline, target, direction } = definition;
  if (target === null) return 'on_track';
  if (direction === 'maintain') {
    const tolerance = Math.abs(target) * MAINTAIN_TOLERANCE;
    return Math.abs(value - target) <= tolerance ? 'on_track' : 'behind';
  }
  const share = elapsedShare(cpomPeriod.start, cpomPeriod.end, latest.period!.end);
  const expected = baseline === null ? target : baseline + share * (target - baseline);
  const increasing = direction === 'increase' || (direction === null && target >= (baseline ?? target));
  return (increasing ? value >= expected : value <= expected) ? 'on_track' : 'behind';
}
