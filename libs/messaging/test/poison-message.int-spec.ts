import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { expectEventually } from '@tripartite/testing';
import { publishRaw } from './support/broker-admin';
import { parkedMessagesOf } from './support/parked-log';
import { rawEnvelope } from './support/raw-envelope';
import { publishThing } from './support/test-service';
import { attemptsOf, notesOf, startTwoServices, withServices } from './support/two-services';

describe('a message that cannot be handled', () => {
  const services = withServices(() => startTwoServices('poison'));

  it('is parked at once with its reason when its payload fails the schema, and the next ones flow', async () => {
    const { producer, consumer, env } = services();
    const aggregateId = randomUUID();
    const bad = rawEnvelope('thing.happened', 1, { note: 12 }, { aggregateId });
    const badId = bad.id;
    await publishRaw(env.AMQP_EXCHANGE, 'thing.happened', bad);
    await publishRaw(env.AMQP_EXCHANGE, 'thing.happened', Buffer.from('{not json'));
    await publishThing(producer, aggregateId, { note: 'behind the poison' });

    await expectEventually(async () =>
      assert.deepEqual(await notesOf(consumer, aggregateId), ['behind the poison']),
    );
    const parked = await expectEventually(async () => {
      const messages = await parkedMessagesOf(consumer);
      assert.equal(messages.length, 2);
      return messages;
    });
    const invalid = parked.find((m) => m.eventId === badId);
    assert.match(invalid?.reason ?? '', /^invalid payload: note/);
    assert.equal(invalid?.attempts, 1);
    assert.equal(invalid?.type, 'thing.happened');
    assert.ok(parked.some((m) => m.reason === 'body is not JSON' && m.content === '{not json'));
    assert.equal(
      (await attemptsOf(consumer, badId)).length,
      0,
      'an invalid message never reaches the handler',
    );
  });

  it('is retried with a delay, then parked after three tries with the handler error, without blocking others', async () => {
    const { producer, consumer } = services();
    const failing = randomUUID();
    const healthy = randomUUID();
    const failingId = await publishThing(producer, failing, { note: 'always fails', failTimes: 99 });
    await publishThing(producer, healthy, { note: 'fine' });

    await expectEventually(async () => assert.deepEqual(await notesOf(consumer, healthy), ['fine']));
    const parked = await expectEventually(async () => {
      const messages = (await parkedMessagesOf(consumer)).filter((m) => m.eventId === failingId);
      assert.equal(messages.length, 1);
      return messages[0];
    });
    assert.equal((parked.content as { id: string }).id, failingId, 'the message is kept whole');
    assert.equal(parked.attempts, 3);
    assert.match(parked.reason, /handler failed 3 times: planned failure 3/);
    assert.equal(parked.headers['x-original-routing-key'], 'thing.happened');
    assert.equal(parked.unknownVersion, null);
    assert.deepEqual(await attemptsOf(consumer, failingId), [1, 2, 3]);
    assert.deepEqual(await notesOf(consumer, failing), [], 'no effect of a failed try survives');
  });

  it('succeeds on a later try when the failure was temporary, with one effect', async () => {
    const { producer, consumer } = services();
    const aggregateId = randomUUID();
    await publishThing(producer, aggregateId, { note: 'second time lucky', failTimes: 1 });
    await expectEventually(async () =>
      assert.deepEqual(await notesOf(consumer, aggregateId), ['second time lucky']),
    );
  });
});
