import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clockAdvanceRequestSchema } from './clock-advance.request.dto';

describe('clock advance request', () => {
  it('adds up its parts in milliseconds', () => {
    assert.equal(
      clockAdvanceRequestSchema.parse({ days: 1, hours: 2, minutes: 3, seconds: 4, ms: 5 }),
      93_784_005,
    );
    assert.equal(clockAdvanceRequestSchema.parse({ days: 5 * 365 }), 5 * 365 * 86_400_000);
  });

  it('refuses nothing to move, negative amounts, unknown units and more than a century', () => {
    for (const body of [
      {},
      { days: 0 },
      { days: -1 },
      { weeks: 1 },
      { ms: 1.5 },
      { days: 40_000 },
      { days: '3' },
    ]) {
      assert.equal(clockAdvanceRequestSchema.safeParse(body).success, false, JSON.stringify(body));
    }
  });
});
