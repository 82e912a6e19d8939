import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { expectEventually } from '@tripartite/testing';
import { v7 as uuidv7 } from 'uuid';
import { drainQueue, publishRaw } from './support/broker-admin';
import { publishThing } from './support/test-service';
import { notesOf, startTwoServices, type TwoServices } from './support/two-services';

describe('a message that cannot be handled', () => {
  let services: TwoServices;
  before(async () => {
    services = await startTwoServices('poison');
  });
  after(() => services?.teardown());

  const parkedQueue = () => services.consumer.transport.queues.parked;

  it('is parked at once with its reason when its payload fails the schema, and the next ones flow', async () => {
    const { producer, consumer, env } = services;
    const aggregateId = randomUUID();
    const badId = uuidv7();
    await publishRaw(env.AMQP_EXCHANGE, 'thing.happened', {
      id: badId,
      type: 'thing.happened',
      version: 1,
      occurredAt: new Date().toISOString(),
      producer: 'rogue',
      aggregateId,
      aggregateVersion: 1,
      region: '53',
      correlationId: badId,
      causationId: null,
      payload: { note: 12 },
    });
    await publishRaw(env.AMQP_EXCHANGE, 'thing.happened', Buffer.from('{not json'));
    await publishThing(producer, aggregateId, { note: 'behind the poison' });

    await expectEventually(async () =>
      assert.deepEqual(await notesOf(consumer, aggregateId), ['behind the poison']),
    );
    const parked = await expectEventually(async () => {
      const messages = await drainQueue(parkedQueue());
      assert.equal(messages.length >= 1, true);
      return messages;
    });
    const rest = await expectEventually(async () => {
      const more = await drainQueue(parkedQueue());
      const all = [...parked, ...more];
      assert.equal(all.length, 2);
      return all;
    });
    const reasons = rest.map((m) => String(m.headers['x-parked-reason'])).sort();
    assert.match(reasons.find((r) => r.includes('payload')) ?? '', /invalid payload: note/);
    assert.ok(reasons.some((r) => r.includes('not JSON')));
    const attempts = await consumer.dataSource.query(
      'SELECT count(*)::int AS n FROM attempts WHERE event_id = $1',
      [badId],
    );
    assert.equal(attempts[0].n, 0, 'an invalid message never reaches the handler');
  });

  it('is retried with a delay, then parked after three tries with the handler error, without blocking others', async () => {
    const { producer, consumer } = services;
    const failing = randomUUID();
    const healthy = randomUUID();
    const failingId = await publishThing(producer, failing, { note: 'always fails', failTimes: 99 });
    await publishThing(producer, healthy, { note: 'fine' });

    await expectEventually(async () => assert.deepEqual(await notesOf(consumer, healthy), ['fine']));
    const parked = await expectEventually(async () => {
      const messages = await drainQueue(parkedQueue());
      assert.equal(messages.length, 1);
      return messages[0];
    });
    assert.equal((parked.content as { id: string }).id, failingId, 'the message is kept whole');
    assert.equal(parked.headers['x-attempts'], 3);
    assert.match(String(parked.headers['x-parked-reason']), /handler failed 3 times: planned failure 3/);
    assert.equal(parked.headers['x-original-routing-key'], 'thing.happened');
    const attempts = await consumer.dataSource.query(
      'SELECT attempt FROM attempts WHERE event_id = $1 ORDER BY attempt',
      [failingId],
    );
    assert.deepEqual(
      attempts.map((a: { attempt: number }) => a.attempt),
      [1, 2, 3],
    );
    assert.deepEqual(await notesOf(consumer, failing), [], 'no effect of a failed try survives');
  });

  it('succeeds on a later try when the failure was temporary, with one effect', async () => {
    const { producer, consumer } = services;
    const aggregateId = randomUUID();
    await publishThing(producer, aggregateId, { note: 'second time lucky', failTimes: 1 });
    await expectEventually(async () =>
      assert.deepEqual(await notesOf(consumer, aggregateId), ['second time lucky']),
    );
  });
});
