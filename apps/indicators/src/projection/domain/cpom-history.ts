import type { CalendarDate } from '@tripartite/calendar';
import type { CpomAction, CpomIndicator } from '@tripartite/events';
import type { IndicatorDefinition } from '../../measurement/domain/indicator-status.rule';
import type { CpomStatus } from './cpom-contribution';

/** An indicator as one content version of its CPOM defines it: what its status is computed from. */
export interface DatedIndicator extends IndicatorDefinition {
  indicatorId: string;
}

/** A content version of the CPOM (its signature, then each amendment), from the day it applies. */
export interface DatedContent {
  on: CalendarDate;
  version: number;
  period: { start: CalendarDate; end: CalendarDate };
  /** Its actions, counted by theme. */
  themes: Readonly<Record<string, number>>;
  indicators: readonly DatedIndicator[];
}

export type ReviewState = 'due' | 'overdue' | null;

/**
 * What the indicators service knows of a CPOM's past, each fact at its business date (the date the law or the
 * parties give it: signed on, period end, evaluated on, reviewed on; the day a reminder was sent for the others).
 * Its contribution to the steering figures at any date is computed from it, so a replay of the same facts
 * rebuilds the same history (ADR 0019). Within each list dates never go back: a fact dated before the one
 * applied before it counts from that one's date.
 */
export interface CpomHistory {
  statuses: readonly { on: CalendarDate; status: CpomStatus }[];
  contents: readonly DatedContent[];
  reviews: readonly { on: CalendarDate; state: ReviewState }[];
}

export const EMPTY_HISTORY: CpomHistory = { statuses: [], contents: [], reviews: [] };

/** The facts one event adds to a CPOM's history. */
export interface HistoryFacts {
  statuses?: readonly { on: CalendarDate; status: CpomStatus }[];
  content?: DatedContent;
  review?: { on: CalendarDate; state: ReviewState };
}

/** The history with the facts of one event appended, each list's dates kept in order. */
export function withFacts(history: CpomHistory, facts: HistoryFacts): CpomHistory {
  let { statuses, contents, reviews } = history;
  for (const entry of facts.statuses ?? []) statuses = appendDated(statuses, entry);
  if (facts.content) contents = appendDated(contents, facts.content);
  if (facts.review) reviews = appendDated(reviews, facts.review);
  return { statuses, contents, reviews };
}

/** The content version a signature or an amendment brings, from the day it applies. */
export function datedContentOf(
  on: CalendarDate,
  period: { start: CalendarDate; end: CalendarDate },
  content: { contentVersion: number; actions: readonly CpomAction[]; indicators: readonly CpomIndicator[] },
): DatedContent {
  const themes: Record<string, number> = {};
  for (const action of content.actions) themes[action.theme] = (themes[action.theme] ?? 0) + 1;
  return {
    on,
    version: content.contentVersion,
    period,
    themes,
    indicators: content.indicators.map(({ indicatorId, kind, baseline, target, direction }) => ({
      indicatorId,
      kind,
      baseline,
      target,
      direction,
    })),
  };
}

/** The latest entry dated on or before `date`, if any. */
export function entryAt<T extends { on: CalendarDate }>(
  entries: readonly T[],
  date: CalendarDate,
): T | undefined {
  let found: T | undefined;
  for (const entry of entries) {
    if (entry.on > date) break;
    found = entry;
  }
  return found;
}

function appendDated<T extends { on: CalendarDate }>(entries: readonly T[], entry: T): T[] {
  const last = entries.at(-1);
  return [...entries, last && last.on > entry.on ? { ...entry, on: last.on } : entry];
}
