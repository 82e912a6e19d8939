import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type IndicatorDefinition, indicatorStatusOf, progressOf } from './indicator-status.rule';

const cpom = { start: '2025-01-01', end: '2029-12-31' };
const increase: IndicatorDefinition = {
  kind: 'quantitative',
  baseline: 10,
  target: 50,
  direction: 'increase',
};
const decrease: IndicatorDefinition = {
  kind: 'quantitative',
  baseline: 100,
  target: 60,
  direction: 'decrease',
};
const value = (period: string, numericValue: number) => ({ period, numericValue, textValue: null });

// ADR 0019, the platform's definition of "on track" for seed 002 II.4's indicators.
describe('the status of an indicator (seed 002 II.4, ADR 0019)', () => {
  it('has no data until a value is reported', () => {
    assert.equal(indicatorStatusOf(increase, cpom, []), 'no_data');
  });

  it('is on track when the latest value reaches the line from baseline to target at its period’s end', () => {
    // End of 2025: a fifth of the CPOM elapsed, 10 + 0.2 × 40 = 18 expected.
    assert.equal(indicatorStatusOf(increase, cpom, [value('2025', 18)]), 'on_track');
    assert.equal(indicatorStatusOf(increase, cpom, [value('2025', 17)]), 'behind');
    // The latest period counts: 2027 (three fifths, 34 expected) at 30 is behind, whatever 2025 said.
    assert.equal(indicatorStatusOf(increase, cpom, [value('2025', 40), value('2027', 30)]), 'behind');
  });

  it('reads a decrease the other way, and half-years by their own end', () => {
    // End of June 2025: 181 of 1826 days, 100 − 0.099 × 40 ≈ 96.0 expected.
    assert.equal(indicatorStatusOf(decrease, cpom, [value('2025-H1', 96)]), 'on_track');
    assert.equal(indicatorStatusOf(decrease, cpom, [value('2025-H1', 97)]), 'behind');
  });

  it('keeps a "maintain" indicator on track within 5 % of its target', () => {
    const maintain: IndicatorDefinition = {
      kind: 'quantitative',
      baseline: 80,
      target: 80,
      direction: 'maintain',
    };
    assert.equal(indicatorStatusOf(maintain, cpom, [value('2026', 77)]), 'on_track');
    assert.equal(indicatorStatusOf(maintain, cpom, [value('2026', 75)]), 'behind');
  });

  it('counts a qualitative indicator on track once a text is reported', () => {
    const qualitative: IndicatorDefinition = {
      kind: 'qualitative',
      baseline: null,
      target: null,
      direction: null,
    };
    assert.equal(
      indicatorStatusOf(qualitative, cpom, [
        { period: '2025', numericValue: null, textValue: 'Bonne adhésion' },
      ]),
      'on_track',
    );
  });

  it('measures progress from the baseline toward the target', () => {
    assert.equal(progressOf(increase, 30), 0.5);
    assert.equal(progressOf(decrease, 60), 1);
    assert.equal(progressOf(increase, null), null);
    assert.equal(progressOf({ ...increase, baseline: null }, 30), null);
  });
});
