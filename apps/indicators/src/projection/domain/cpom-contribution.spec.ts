import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contributionOf, differenceOf } from './cpom-contribution';

describe('a CPOM’s share of its region’s counters (ADR 0019)', () => {
  const content = { actionsByTheme: { tms: 2, rps: 1 }, indicatorsByStatus: { on_track: 3, no_data: 1 } };

  it('counts a CPOM in force by status, its actions by theme, its indicators and its pending review (seed 002 II.4)', () => {
    assert.deepEqual(contributionOf({ status: 'signed', reviewState: 'overdue', ...content }), {
      'cpoms_by_status:signed': 1,
      'actions_by_theme:tms': 2,
      'actions_by_theme:rps': 1,
      'indicators:on_track': 3,
      'indicators:no_data': 1,
      'reviews:overdue': 1,
    });
  });

  it('counts a CPOM not in force by its status only', () => {
    assert.deepEqual(contributionOf({ status: 'expired', reviewState: 'due', ...content }), {
      'cpoms_by_status:expired': 1,
    });
  });

  it('moves the counters by the difference, leaving out what does not change', () => {
    const before = contributionOf({ status: 'signed', reviewState: null, ...content });
    const after = contributionOf({ status: 'expired', reviewState: null, ...content });
    assert.deepEqual(differenceOf(before, after), {
      'cpoms_by_status:signed': -1,
      'cpoms_by_status:expired': 1,
      'actions_by_theme:tms': -2,
      'actions_by_theme:rps': -1,
      'indicators:on_track': -3,
      'indicators:no_data': -1,
    });
    assert.deepEqual(differenceOf(before, before), {});
  });
});
