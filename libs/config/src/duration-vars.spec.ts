import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isoDaysVar, isoDurationsVar, isoDurationVar } from './duration-vars';

describe('reminder offsets in the environment (ISO 8601 durations, one way in every service)', () => {
  it('reads a list of durations, or its default, and refuses what is not one', () => {
    assert.deepEqual(isoDurationsVar('P6M,P7D').parse(undefined), ['P6M', 'P7D']);
    assert.deepEqual(isoDurationsVar('P6M').parse(' P12M, P3M '), ['P12M', 'P3M']);
    assert.equal(isoDurationsVar('P6M').safeParse('6 months').success, false);
    assert.equal(isoDurationVar('P15D').parse(undefined), 'P15D');
    assert.equal(isoDurationVar('P15D').safeParse('15').success, false);
  });

  it('reads offsets in days as whole days, largest first, once each, and refuses months', () => {
    assert.deepEqual(isoDaysVar('P14D,P3D,P0D').parse(undefined), [14, 3, 0]);
    assert.deepEqual(isoDaysVar('P1D').parse('P0D,P7D,P7D'), [7, 0]);
    assert.equal(isoDaysVar('P1D').safeParse('P1M').success, false);
    assert.equal(isoDaysVar('P1D').safeParse('14,3').success, false);
  });
});
