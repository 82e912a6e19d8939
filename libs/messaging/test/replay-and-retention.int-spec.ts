import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { InboxStore, OutboxReplayer } from '@tripartite/messaging';
import { expectEventually } from '@tripartite/testing';
import { connect } from 'amqplib';
import { publishThing } from './support/test-service';
import { notesOf, startThreeServices, withServices } from './support/two-services';

describe("the producer's event log", () => {
  const services = withServices(() => startThreeServices('replay'));

  it("rebuilds one consumer's projection by replaying to its queue alone", async () => {
    const { producer, consumer } = services();
    const aggregateId = randomUUID();
    for (const note of ['a', 'b', 'c']) await publishThing(producer, aggregateId, { note });
    await expectEventually(async () =>
      assert.deepEqual(await notesOf(consumer, aggregateId), ['a', 'b', 'c']),
    );
    await expectEventually(async () =>
      assert.deepEqual(await notesOf(services().other, aggregateId), ['a', 'b', 'c']),
    );

    // The consumer loses its projection and forgets what it applied, then asks for a replay.
    await consumer.dataSource.query('DELETE FROM effects');
    assert.equal(await consumer.app.get(InboxStore).forget(['thing.happened']), 3);
    await expectEventually(async () => {
      const rows = await services().other.dataSource.query('SELECT count(*)::int AS n FROM inbox');
      assert.equal(rows[0].n, 3);
    });
    // Stop the other consumer so anything routed to its queue would stay there, visible.
    await services().other.close();
    const replayed = await producer.app
      .get(OutboxReplayer)
      .replay({ queue: consumer.transport.queues.main, types: ['thing.happened'] });
    assert.equal(replayed, 3);

    await expectEventually(async () =>
      assert.deepEqual(await notesOf(consumer, aggregateId), ['a', 'b', 'c']),
    );
    // Nothing of the replay went through the exchange: another consumer's queue received none of it.
    const otherQueue = services().other.transport.queues.main;
    const connection = await connect('amqp://guest:guest@127.0.0.1:5672');
    try {
      const channel = await connection.createChannel();
      const { messageCount } = await channel.checkQueue(otherQueue);
      assert.equal(messageCount, 0);
    } finally {
      await connection.close();
    }
  });

  it('purges sent events older than the retention, and keeps the rest replayable', async () => {
    const { producer } = services();
    const old = await publishThing(producer, randomUUID(), { note: 'old' });
    const recent = await publishThing(producer, randomUUID(), { note: 'recent' });
    await expectEventually(async () => {
      const rows = await producer.dataSource.query(
        'SELECT count(*)::int AS n FROM outbox WHERE id = ANY($1) AND sent_at IS NOT NULL',
        [[old, recent]],
      );
      assert.equal(rows[0].n, 2);
    });
    const days = producer.config.OUTBOX_RETENTION_DAYS + 1;
    await producer.dataSource.query(
      `UPDATE outbox SET sent_at = now() - make_interval(days => $1) WHERE id = $2`,
      [days, old],
    );
    assert.equal(await producer.relay.purge(), 1);
    const left = await producer.dataSource.query('SELECT id FROM outbox WHERE id = ANY($1)', [[old, recent]]);
    assert.deepEqual(
      left.map((r: { id: string }) => r.id),
      [recent],
    );
  });
});
