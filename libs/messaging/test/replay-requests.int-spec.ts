import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { InboxStore, ReplayRequester, ReplayRequestResponder } from '@tripartite/messaging';
import { expectEventually } from '@tripartite/testing';
import { publishRaw, queueExists } from './support/broker-admin';
import { publishThing } from './support/test-service';
import { notesOf, startThreeServices, withServices } from './support/two-services';

// ADR 0019: a consumer asks every producer, through the broker, to replay its retained log to its queue alone.
describe('replay requests', () => {
  const services = withServices(() => startThreeServices('replay_requests'));

  it('makes every producer replay its log of the types asked to the one queue named, and no other', async () => {
    const { producer, consumer } = services();
    const aggregateId = randomUUID();
    for (const note of ['a', 'b']) await publishThing(producer, aggregateId, { note });
    await expectEventually(async () => assert.deepEqual(await notesOf(consumer, aggregateId), ['a', 'b']));
    await expectEventually(async () =>
      assert.deepEqual(await notesOf(services().other, aggregateId), ['a', 'b']),
    );

    await consumer.dataSource.query('DELETE FROM effects');
    assert.equal(await consumer.app.get(InboxStore).forget(['thing.happened']), 2);
    const request = await consumer.app
      .get(ReplayRequester)
      .request({ queue: consumer.transport.queues.main, types: ['thing.happened'] });
    assert.equal(request.requestedBy, 'consumer');

    await expectEventually(async () => assert.deepEqual(await notesOf(consumer, aggregateId), ['a', 'b']));
    // The other consumer saw nothing of the replay: still two effects, each applied once.
    assert.deepEqual(await notesOf(services().other, aggregateId), ['a', 'b']);
    assert.ok(producer.app.get(ReplayRequestResponder).answered >= 1);
  });

  it('drops an invalid request without stopping to answer the next ones', async () => {
    const { producer, consumer } = services();
    const responder = producer.app.get(ReplayRequestResponder);
    const before = responder.answered;
    await publishRaw(services().env.AMQP_EXCHANGE, 'tripartite-replay-request', { queue: 42 });
    await consumer.app
      .get(ReplayRequester)
      .request({ queue: consumer.transport.queues.main, types: ['thing.happened'] });
    await expectEventually(() => assert.equal(responder.answered, before + 1));
  });

  it('keeps the request queue only while a process of the service listens (auto-delete)', async () => {
    const queue = services().other.app.get(ReplayRequestResponder).queue;
    assert.equal(await queueExists(queue), true);
    await services().other.close();
    await expectEventually(async () => assert.equal(await queueExists(queue), false));
  });
});
