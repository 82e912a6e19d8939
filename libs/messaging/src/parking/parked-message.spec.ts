import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MessageProperties } from 'amqplib';
import { parkedMessageOf, replayPropertiesOf } from './parked-message';

const now = new Date('2027-03-15T10:00:00.000Z');
const envelope = {
  id: '0193f1d2-7c4e-7a10-8b2c-1d2e3f4a5b6c',
  type: 'organisation.registered',
  version: 2,
  payload: {},
};

function properties(
  headers: Record<string, unknown>,
  extra: Partial<MessageProperties> = {},
): MessageProperties {
  return {
    contentType: 'application/json',
    contentEncoding: undefined,
    headers,
    deliveryMode: 2,
    priority: undefined,
    correlationId: 'corr-1',
    replyTo: undefined,
    expiration: undefined,
    messageId: envelope.id,
    timestamp: 1_800_000_000,
    type: 'organisation.registered',
    userId: 'guest',
    appId: 'agreements',
    clusterId: undefined,
    ...extra,
  };
}

describe('a message taken from a parking queue', () => {
  const parkedForVersion = {
    content: Buffer.from(JSON.stringify(envelope)),
    properties: properties({
      'x-event-version': 2,
      'x-parked-reason': 'organisation.registered version 2 is newer than this consumer reads (up to 1)',
      'x-parked-at': '2027-03-14T09:00:00.000Z',
      'x-attempts': 1,
      'x-original-routing-key': 'organisation.registered',
      'x-parked-unknown-version': 2,
    }),
  };

  it('is read from its envelope and the headers the transport set when it parked it', () => {
    const parked = parkedMessageOf(parkedForVersion, now);
    assert.equal(parked.eventId, envelope.id);
    assert.equal(parked.type, 'organisation.registered');
    assert.equal(parked.version, 2);
    assert.match(parked.reason, /newer than this consumer reads/);
    assert.equal(parked.unknownVersion, 2);
    assert.equal(parked.attempts, 1);
    assert.equal(parked.parkedAt.toISOString(), '2027-03-14T09:00:00.000Z');
  });

  it('has the same fingerprint when delivered again, another one when parked again', () => {
    const once = parkedMessageOf(parkedForVersion, now);
    const redelivered = parkedMessageOf(
      {
        ...parkedForVersion,
        properties: properties({ ...parkedForVersion.properties.headers, 'x-delivery-count': 3 }),
      },
      now,
    );
    const parkedAgain = parkedMessageOf(
      {
        ...parkedForVersion,
        properties: properties({
          ...parkedForVersion.properties.headers,
          'x-parked-at': '2027-03-15T09:00:00.000Z',
        }),
      },
      now,
    );
    assert.equal(redelivered.fingerprint, once.fingerprint);
    assert.notEqual(parkedAgain.fingerprint, once.fingerprint);
  });

  it("is read from the broker's dead-letter headers when its deliveries ran out", () => {
    const parked = parkedMessageOf(
      {
        content: Buffer.from('{"not": "an envelope"}'),
        properties: properties(
          {
            'x-delivery-count': 10,
            'x-death': [
              { reason: 'delivery_limit', queue: 'tripartite.notifications', count: 1, time: 1_800_000_000 },
            ],
          },
          { messageId: 'raw-1', type: undefined },
        ),
      },
      now,
    );
    assert.equal(parked.eventId, 'raw-1');
    assert.equal(parked.type, null);
    assert.match(parked.reason, /dead-lettered by the broker \(delivery_limit on tripartite.notifications\)/);
    assert.equal(parked.attempts, 10);
    assert.equal(parked.parkedAt.getTime(), 1_800_000_000_000);
    assert.equal(parked.unknownVersion, null);
  });

  it('keeps a body that is not JSON, as it came', () => {
    const parked = parkedMessageOf(
      {
        content: Buffer.from('{not json'),
        properties: properties({ 'x-parked-reason': 'body is not JSON' }),
      },
      now,
    );
    assert.equal(parked.content.toString(), '{not json');
    assert.equal(parked.reason, 'body is not JSON');
    assert.equal(parked.parkedAt, now);
  });

  it('goes back as first published: its own properties, tries from one, no parking headers, marked replayed', () => {
    const options = replayPropertiesOf(parkedMessageOf(parkedForVersion, now), now);
    assert.deepEqual(options.headers, {
      'x-event-version': 2,
      'x-original-routing-key': 'organisation.registered',
      'x-replayed-at': now.toISOString(),
    });
    assert.equal(options.persistent, true);
    assert.equal(options.messageId, envelope.id);
    assert.equal(options.correlationId, 'corr-1');
    assert.equal(options.appId, 'agreements');
    assert.equal(
      (options as { userId?: string }).userId,
      undefined,
      'the broker checks userId against the connection',
    );
  });
});
