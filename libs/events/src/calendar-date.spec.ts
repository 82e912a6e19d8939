import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { calendarDateSchema } from './calendar-date';

describe('calendarDateSchema', () => {
  it('refuses year 0000 and dates past 9999-12-31 or before 1900-01-01 with the rule "range" (platform rule)', () => {
    for (const date of ['0000-01-01', '1899-12-31']) {
      const parsed = calendarDateSchema.safeParse(date);
      assert.ok(!parsed.success, date);
      assert.deepEqual((parsed.error.issues[0] as { params?: unknown }).params, { rule: 'range' });
    }
    assert.ok(!calendarDateSchema.safeParse('10000-01-01').success);
  });

  it('accepts the range bounds and refuses dates that do not exist', () => {
    assert.ok(calendarDateSchema.safeParse('1900-01-01').success);
    assert.ok(calendarDateSchema.safeParse('9999-12-31').success);
    assert.ok(!calendarDateSchema.safeParse('2027-02-30').success);
  });
});

describe('calendarDateSchema on what is no date', () => {
  it('reports a malformed date once, with the rule of its format only', () => {
    const parsed = calendarDateSchema.safeParse('not-a-date');
    assert.ok(!parsed.success);
    assert.equal(parsed.error.issues.length, 1);
  });
});
