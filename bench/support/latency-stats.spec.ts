import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { latenciesOf, summarise } from './latency-stats';

describe('latency percentiles of the bench', () => {
  it('takes the nearest rank: p50 of 1..100 is 50, p99 is 99, whatever the input order', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    const summary = summarise(samples);
    assert.equal(summary.p50, 50);
    assert.equal(summary.p90, 90);
    assert.equal(summary.p99, 99);
    assert.equal(summary.max, 100);
    assert.equal(summary.count, 100);
  });

  it('lets one slow event in a hundred set p100 but not p99', () => {
    const summary = summarise([...Array.from({ length: 99 }, () => 2), 500]);
    assert.equal(summary.p99, 2);
    assert.equal(summary.max, 500);
  });

  it('counts only the events that both started and arrived', () => {
    const starts = new Map([
      [1, 10],
      [2, 20],
      [3, 30],
    ]);
    const ends = new Map([
      [1, 15],
      [3, 37],
    ]);
    assert.deepEqual(latenciesOf(starts, ends), [5, 7]);
  });
});
