import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { afterFailure, isPermanentFailure } from './smtp-failure.rule';

const HOUR = 3_600_000;
const recordedAt = new Date('2026-03-01T09:00:00Z');
const soon = { recordedAt, now: new Date(recordedAt.getTime() + HOUR), giveUpAfterMs: 48 * HOUR };

describe('SMTP failures', () => {
  it('does not retry a 5xx reply: the refusal is permanent (RFC 5321 §4.2.1)', () => {
    assert.equal(isPermanentFailure({ replyCode: 550, reply: '550 Mailbox unavailable' }), true);
    assert.equal(isPermanentFailure({ replyCode: 554, reply: '554 Transaction failed' }), true);
    assert.equal(afterFailure({ replyCode: 550, reply: '550 Mailbox unavailable' }, soon), 'failed');
  });

  it('retries a 4xx reply: the refusal is transient (RFC 5321 §4.2.1)', () => {
    assert.equal(isPermanentFailure({ replyCode: 451, reply: '451 Try again later' }), false);
    assert.equal(afterFailure({ replyCode: 421, reply: '421 Service not available' }, soon), 'retry');
  });

  it('retries a 503 bad sequence of commands: the session failed, not the message', () => {
    assert.equal(afterFailure({ replyCode: 503, reply: '503 Bad sequence of commands' }, soon), 'retry');
  });

  it('retries when no reply came at all (connection refused, timeout)', () => {
    assert.equal(
      afterFailure({ replyCode: null, reply: 'connect ECONNREFUSED 127.0.0.1:1025' }, soon),
      'retry',
    );
  });

  it('gives up on transient refusals that outlast the give-up delay', () => {
    const late = { ...soon, now: new Date(recordedAt.getTime() + 48 * HOUR) };
    assert.equal(afterFailure({ replyCode: 451, reply: '451 Try again later' }, late), 'failed');
  });
});
