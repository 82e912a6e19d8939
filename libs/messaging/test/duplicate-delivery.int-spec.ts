import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { expectEventually } from '@tripartite/testing';
import { publishRaw } from './support/broker-admin';
import { publishThing } from './support/test-service';
import { attemptsOf, notesOf, startTwoServices, withServices } from './support/two-services';

describe('the same event delivered twice', () => {
  const services = withServices(() => startTwoServices('duplicate'));

  it('has one effect: the inbox recognises the redelivered event id', async () => {
    const { producer, consumer, env } = services();
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
    assert.equal(
      (await attemptsOf(consumer, eventId)).length,
      1,
      'the handler itself never ran for the duplicates',
    );
  });
});
