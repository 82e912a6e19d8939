import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { periodProblems, periodsOverlap, periodWarnings } from './service-project-period.rule';

describe('the period of a service project (L.4622-14; seed 002, part I.1)', () => {
  it('refuses a period that does not end after it starts, naming periodEnd', () => {
    assert.deepEqual(periodProblems('2026-01-01', '2030-12-31'), []);
    for (const end of ['2026-01-01', '2025-12-31']) {
      const [problem] = periodProblems('2026-01-01', end);
      assert.equal(problem.field, 'periodEnd');
      assert.equal(problem.rule, 'after-period-start');
    }
  });

  it('accepts five years without a word, and warns beyond: no legal duration, alignment encouraged (ADR 0008)', () => {
    assert.deepEqual(periodWarnings('2026-01-01', '2030-12-31'), []);
    assert.deepEqual(periodWarnings('2026-03-01', '2031-02-28'), []);
    const [warning] = periodWarnings('2026-01-01', '2031-01-01');
    assert.equal(warning.code, 'SERVICE_PROJECT.LONGER_THAN_FIVE_YEARS');
    assert.equal(warning.field, 'periodEnd');
    assert.match(warning.message, /2030-12-31/);
  });

  it('tells overlapping periods, first and last days included', () => {
    const a = { periodStart: '2021-01-01', periodEnd: '2025-12-31' };
    assert.equal(periodsOverlap(a, { periodStart: '2026-01-01', periodEnd: '2030-12-31' }), false);
    assert.equal(periodsOverlap(a, { periodStart: '2025-12-31', periodEnd: '2030-12-31' }), true);
    assert.equal(periodsOverlap(a, { periodStart: '2019-01-01', periodEnd: '2021-01-01' }), true);
    assert.equal(periodsOverlap(a, { periodStart: '2022-01-01', periodEnd: '2023-01-01' }), true);
  });
});
