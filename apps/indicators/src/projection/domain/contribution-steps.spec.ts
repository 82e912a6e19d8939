import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type ContributionStep,
  contributionStepsOf,
  type DatedMove,
  type KnownValue,
  movesBetween,
} from './contribution-steps';
import { addContributions, type Contribution } from './cpom-contribution';
import { type CpomHistory, EMPTY_HISTORY, type HistoryFacts, withFacts } from './cpom-history';

const period = { start: '2025-01-01', end: '2029-12-31' };
const content = {
  on: '2025-01-15',
  version: 1,
  period,
  themes: { tms: 2 },
  indicators: [
    {
      indicatorId: 'rate',
      kind: 'quantitative' as const,
      baseline: 10,
      target: 50,
      direction: 'increase' as const,
    },
    { indicatorId: 'note', kind: 'qualitative' as const, baseline: null, target: null, direction: null },
  ],
};
const value = (indicatorId: string, knownOn: string, reported: number | string): KnownValue => ({
  indicatorId,
  period: '2025',
  knownOn,
  numericValue: typeof reported === 'number' ? reported : null,
  textValue: typeof reported === 'string' ? reported : null,
});

/** What the counters hold at `date` after the moves: their sum up to that date. */
function heldAt(moves: readonly DatedMove[], date: string): Contribution {
  return moves
    .filter((move) => move.on <= date)
    .reduce<Contribution>((sum, move) => addContributions(sum, move.delta), {});
}

function stepAt(steps: readonly ContributionStep[], date: string): Contribution {
  return steps.filter((step) => step.on <= date).at(-1)?.contribution ?? {};
}

// ADR 0019 / issue 13: `?at=` and the history by year show every figure as it stood at that date, and a replay
// of the same facts gives the same history.
describe('a CPOM’s contribution over the dates (ADR 0019)', () => {
  const signed: CpomHistory = withFacts(EMPTY_HISTORY, {
    statuses: [
      { on: '2024-11-02', status: 'draft' },
      { on: '2024-12-01', status: 'submitted' },
    ],
  });

  it('counts each status from its business date, and the indicators from the day their values were reported (seed 002 II.4)', () => {
    const history = withFacts(signed, { statuses: [{ on: '2025-01-15', status: 'signed' }], content });
    const steps = contributionStepsOf(history, [
      value('rate', '2025-12-20', 45),
      value('note', '2026-01-10', 'Bien'),
    ]);
    assert.deepEqual(stepAt(steps, '2024-10-01'), {});
    assert.deepEqual(stepAt(steps, '2024-12-15'), { 'cpoms_by_status:submitted': 1 });
    assert.deepEqual(stepAt(steps, '2025-06-30'), {
      'cpoms_by_status:signed': 1,
      'actions_by_theme:tms': 2,
      'indicators:no_data': 2,
    });
    assert.deepEqual(stepAt(steps, '2025-12-31'), {
      'cpoms_by_status:signed': 1,
      'actions_by_theme:tms': 2,
      'indicators:on_track': 1,
      'indicators:no_data': 1,
    });
    assert.deepEqual(stepAt(steps, '2026-06-30'), {
      'cpoms_by_status:signed': 1,
      'actions_by_theme:tms': 2,
      'indicators:on_track': 2,
    });
  });

  it('takes a correction from the day it was made, the value it corrects until then', () => {
    const history = withFacts(signed, { statuses: [{ on: '2025-01-15', status: 'signed' }], content });
    const steps = contributionStepsOf(history, [
      value('rate', '2025-12-20', 45),
      value('rate', '2026-02-01', 12),
    ]);
    assert.equal(stepAt(steps, '2026-01-31')['indicators:on_track'], 1);
    assert.equal(stepAt(steps, '2026-02-01')['indicators:behind'], 1);
  });

  it('counts a review as due, then overdue, then held, each from its date', () => {
    const history = [
      { statuses: [{ on: '2025-01-15', status: 'signed' as const }], content },
      { review: { on: '2025-11-16', state: 'due' as const } },
      { review: { on: '2026-01-30', state: 'overdue' as const } },
      { review: { on: '2026-02-10', state: null } },
    ].reduce<CpomHistory>(withFacts, signed);
    const steps = contributionStepsOf(history, []);
    assert.equal(stepAt(steps, '2025-11-15')['reviews:due'], undefined);
    assert.equal(stepAt(steps, '2025-11-16')['reviews:due'], 1);
    assert.equal(stepAt(steps, '2026-02-01')['reviews:overdue'], 1);
    assert.equal(stepAt(steps, '2026-02-10')['reviews:overdue'], undefined);
  });

  it('keeps each list in date order: a fact dated before the one applied before it counts from that one’s date', () => {
    const history = withFacts(signed, { statuses: [{ on: '2024-11-20', status: 'ready_to_sign' }] });
    assert.deepEqual(history.statuses.at(-1), { on: '2024-12-01', status: 'ready_to_sign' });
  });

  it('moves the counters so that, summed up to any date, they hold the steps of the CPOM’s latest history', () => {
    // The facts as they arrive, one recount each; the values are reported between them.
    const arrivals: { facts: HistoryFacts; values: KnownValue[] }[] = [
      { facts: { statuses: [{ on: '2024-11-02', status: 'draft' }] }, values: [] },
      { facts: { statuses: [{ on: '2025-01-15', status: 'signed' }], content }, values: [] },
      { facts: {}, values: [value('rate', '2025-12-20', 45)] },
      {
        facts: {
          statuses: [{ on: '2026-06-01', status: 'signed' }],
          content: { ...content, on: '2026-06-01', version: 2, themes: { tms: 1, rps: 1 } },
        },
        values: [value('rate', '2025-12-20', 45)],
      },
      {
        facts: { statuses: [{ on: '2030-01-01', status: 'expired' }] },
        values: [value('rate', '2025-12-20', 45), value('rate', '2026-02-01', 12)],
      },
    ];
    let history = EMPTY_HISTORY;
    let steps: ContributionStep[] = [];
    const moves: DatedMove[] = [];
    for (const arrival of arrivals) {
      history = withFacts(history, arrival.facts);
      const next = contributionStepsOf(history, arrival.values);
      moves.push(...movesBetween(steps, next));
      steps = next;
    }
    // A replay: the same history and values at once.
    const replayed = contributionStepsOf(history, arrivals.at(-1)!.values);
    assert.deepEqual(replayed, steps);
    for (const date of [
      '2024-11-01',
      '2024-11-02',
      '2025-06-30',
      '2025-12-31',
      '2026-02-15',
      '2026-07-01',
      '2030-01-01',
    ]) {
      assert.deepEqual(heldAt(moves, date), stepAt(replayed, date), date);
    }
    assert.deepEqual(heldAt(moves, '2026-07-01'), {
      'cpoms_by_status:signed': 1,
      'actions_by_theme:tms': 1,
      'actions_by_theme:rps': 1,
      'indicators:behind': 1,
      'indicators:no_data': 1,
    });
    assert.deepEqual(heldAt(moves, '2030-06-30'), { 'cpoms_by_status:expired': 1 });
  });
});
