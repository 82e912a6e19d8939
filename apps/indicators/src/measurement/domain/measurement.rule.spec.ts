import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DomainError } from '@tripartite/errors';
import { checkMeasurement, type ReportedIndicator } from './measurement.rule';

const cpom = { start: '2025-03-01', end: '2029-12-31' };
const yearly: ReportedIndicator = {
  kind: 'quantitative',
  baseline: 1,
  target: 2,
  direction: 'increase',
  frequency: 'yearly',
};
const halfYearly: ReportedIndicator = { ...yearly, frequency: 'half_yearly' };
const qualitative: ReportedIndicator = { ...yearly, kind: 'qualitative', baseline: null, target: null };

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as DomainError).code;
  }
  return 'none';
}

describe('a reported value (seed 002 II.4; D.4622-47 for the CPOM’s period)', () => {
  it('takes a year for a yearly indicator and a half-year for a half-yearly one', () => {
    assert.equal(checkMeasurement(yearly, cpom, { period: '2026', value: 3 }).period.end, '2026-12-31');
    assert.equal(
      checkMeasurement(halfYearly, cpom, { period: '2026-H1', value: 3 }).period.end,
      '2026-06-30',
    );
    assert.equal(
      codeOf(() => checkMeasurement(yearly, cpom, { period: '2026-H1', value: 3 })),
      'INDICATOR.PERIOD_FREQUENCY',
    );
    assert.equal(
      codeOf(() => checkMeasurement(halfYearly, cpom, { period: '2026', value: 3 })),
      'INDICATOR.PERIOD_FREQUENCY',
    );
    assert.equal(
      codeOf(() => checkMeasurement(yearly, cpom, { period: '26', value: 3 })),
      'INDICATOR.PERIOD_INVALID',
    );
  });

  it('lies within the CPOM’s period (D.4622-47): a period overlapping its start or end counts', () => {
    assert.doesNotThrow(() => checkMeasurement(yearly, cpom, { period: '2025', value: 3 }));
    assert.equal(
      codeOf(() => checkMeasurement(yearly, cpom, { period: '2024', value: 3 })),
      'INDICATOR.PERIOD_OUTSIDE_CPOM',
    );
    assert.equal(
      codeOf(() => checkMeasurement(yearly, cpom, { period: '2030', value: 3 })),
      'INDICATOR.PERIOD_OUTSIDE_CPOM',
    );
    assert.equal(
      codeOf(() =>
        checkMeasurement(
          halfYearly,
          { start: '2025-07-01', end: '2029-06-30' },
          { period: '2025-H1', value: 3 },
        ),
      ),
      'INDICATOR.PERIOD_OUTSIDE_CPOM',
    );
  });

  it('is a number for a quantitative indicator and a text for a qualitative one (seed 002 II.4)', () => {
    assert.equal(
      codeOf(() => checkMeasurement(yearly, cpom, { period: '2026', value: 'élevé' })),
      'INDICATOR.VALUE_KIND',
    );
    assert.equal(
      codeOf(() => checkMeasurement(qualitative, cpom, { period: '2026', value: 4 })),
      'INDICATOR.VALUE_KIND',
    );
    assert.equal(checkMeasurement(qualitative, cpom, { period: '2026', value: 'élevé' }).textValue, 'élevé');
  });
});
