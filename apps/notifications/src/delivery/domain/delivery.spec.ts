import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { giveUpClockStart, versionOf } from './delivery';
import { afterFailure } from './smtp-failure.rule';

const HOUR = 3_600_000;

describe('a delivery', () => {
  it('is versioned by its tries and retries, so that each change gives a new ETag', () => {
    assert.equal(versionOf({ attempts: 0, retries: 0 }), 0);
    assert.equal(versionOf({ attempts: 3, retries: 1 }), 4);
  });

  it('counts the give-up delay from a person’s retry, not from the decision, once retried', () => {
    const createdAt = new Date('2026-03-01T09:00:00Z');
    const retriedAt = new Date(createdAt.getTime() + 72 * HOUR);
    assert.equal(giveUpClockStart({ createdAt, retriedAt: null }), createdAt);
    assert.equal(giveUpClockStart({ createdAt, retriedAt }), retriedAt);
    // Without this, a delivery given up after 48 hours would be given up again at its first 4xx.
    const timing = {
      recordedAt: giveUpClockStart({ createdAt, retriedAt }),
      now: new Date(retriedAt.getTime() + HOUR),
      giveUpAfterMs: 48 * HOUR,
    };
    assert.equal(afterFailure({ replyCode: 451, reply: '451 Try again later' }, timing), 'retry');
  });
});
