import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { expectEventually } from '@tripartite/testing';
import { publishRaw } from './support/broker-admin';
import { publishThing } from './support/test-service';
import { notesOf, startTwoServices, type TwoServices } from './support/two-services';

describe('the same event delivered twice', () => {
  let services: TwoServices;
  before(async () => {
    services = await startTwoServices('duplicate');
  });
  after(() => services?.teardown());

  it('has one effect: the inbox recognises the redelivered event id', async () => {
    const { producer, consumer, env } = services;
    const aggregateId = randomUUID();
    const eventId = await publishThing(producer, aggregateId, { note: 'once' });
    await expectEventually(async () => assert.deepEqual(await notesOf(consumer, aggregateId), ['once']));

    const [{ envelope }] = await producer.dataSource.query('SELECT envelope FROM outbox WHERE id = $1', [
      eventId,
    ]);
    await publishRaw(env.AMQP_EXCHANGE, 'thing.happened', envelope);
    await publishRaw(env.AMQP_EXCHANGE, 'thing.happened', envelope);
    await publishThing(producer, aggregateId, { note: 'marker' });

    await expectEventually(async () =>
      assert.deepEqual(await notesOf(consumer, aggregateId), ['once', 'marker']),
    );
    const attempts = await consumer.dataSource.query(
      'SELECT count(*)::int AS n FROM attempts WHERE event_id = $1',
      [eventId],
    );
    assert.equal(attempts[0].n, 1, 'the handler itself never ran for the duplicates');
  });
});
