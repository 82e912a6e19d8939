/** The states of a CPOM as the indicators service follows them from the contracts service's events. */
export const cpomStatuses = [
  'draft',
  'submitted',
  'ready_to_sign',
  'signed',
  'expired',
  'evaluated',
] as const;
export type CpomStatus = (typeof cpomStatuses)[number];

/** What one CPOM adds to its region's counters: `figure:key` → amount. */
export type Contribution = Readonly<Record<string, number>>;

export interface CpomCountedState {
  status: CpomStatus;
  reviewState: 'due' | 'overdue' | null;
  /** Actions of its content in force, by theme. */
  actionsByTheme: Readonly<Record<string, number>>;
  /** Indicators of its content in force, by status. */
  indicatorsByStatus: Readonly<Record<string, number>>;
}

/**
 * A CPOM counts once in "CPOMs by status"; while it is in force (signed, amended or not) its actions count by
 * theme, its indicators by status and its pending review as due or overdue (seed 002 II.4: "un examen au moins
 * annuel"). A fact about a CPOM moves its region's counters by the difference of its contribution before and
 * after, in the fact's own transaction.
 */
export function contributionOf(state: CpomCountedState): Contribution {
  const contribution: Record<string, number> = { [`cpoms_by_status:${state.status}`]: 1 };
  if (state.status !== 'signed') return contribution;
  for (const [theme, count] of Object.entries(state.actionsByTheme)) {
    if (count > 0) contribution[`actions_by_theme:${theme}`] = count;
  }
  for (const [status, count] of Object.entries(state.indicatorsByStatus)) {
    if (count > 0) contribution[`indicators:${status}`] = count;
  }
  if (state.reviewState) contribution[`reviews:${state.reviewState}`] = 1;
  return contribution;
}

/** What to add to the counters to go from `before` to `after`; zero moves left out. */
export function differenceOf(before: Contribution, after: Contribution): Contribution {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const delta: Record<string, number> = {};
  for (const key of keys) {
    const change = (after[key] ?? 0) - (before[key] ?? 0);
    if (change !== 0) delta[key] = change;
  }
  return delta;
}

/** Two moves of the counters as one. */
export function addContributions(a: Contribution, b: Contribution): Contribution {
  const sum: Record<string, number> = { ...a };
  for (const [key, value] of Object.entries(b)) sum[key] = (sum[key] ?? 0) + value;
  return Object.fromEntries(Object.entries(sum).filter(([, value]) => value !== 0));
}

/**
 * The counter every projected fact that changes a dated row (service, agrément, service project, protocol, CPOM
 * state) moves by one in its region: the dashboards sum a region's dated rows again only when it moved.
 */
export const DATED_GENERATION = 'generation:dated';

/** The counter every move of a region's other counters moves by one: the dashboards read them again. */
export const COUNTERS_GENERATION = 'generation:counters';
