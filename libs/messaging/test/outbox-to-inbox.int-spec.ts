import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, expectEventually, isolatedEnvironment } from '@tripartite/testing';
import { deleteBrokerObjects } from './support/broker-admin';
import { publishThing, startTestService, type TestService } from './support/test-service';
import { ThingConsumer } from './support/thing.consumer';

describe('an event written through the outbox', () => {
  let producer: TestService;
  let consumer: TestService;
  let env: Record<string, string>;
  const databases: { drop(): Promise<void> }[] = [];

  before(async () => {
    const producerDb = await createTestDatabase('outbox_producer');
    const consumerDb = await createTestDatabase('outbox_consumer');
    databases.push(producerDb, consumerDb);
    env = isolatedEnvironment('outbox', producerDb.name);
    consumer = await startTestService({
      service: 'consumer',
      env: { ...env, DATABASE_NAME: consumerDb.name },
      controllers: [ThingConsumer],
    });
    producer = await startTestService({ service: 'producer', env });
  });

  after(async () => {
    await producer?.close();
    await consumer?.close();
    await deleteBrokerObjects(env.AMQP_EXCHANGE, env.AMQP_QUEUE_PREFIX, ['consumer', 'producer']);
    for (const db of databases) await db.drop();
  });

  it('reaches the consuming service, which applies it once and records it in its inbox', async () => {
    const aggregateId = randomUUID();
    const eventId = await publishThing(producer, aggregateId, { note: 'hello' });
    const effects = await expectEventually(async () => {
      const rows = await consumer.dataSource.query('SELECT * FROM effects WHERE event_id = $1', [eventId]);
      assert.equal(rows.length, 1);
      return rows;
    });
    assert.equal(effects[0].note, 'hello');
    const inbox = await consumer.dataSource.query('SELECT type, producer FROM inbox WHERE event_id = $1', [
      eventId,
    ]);
    assert.deepEqual(inbox, [{ type: 'thing.happened', producer: 'producer' }]);
    const [sent] = await producer.dataSource.query('SELECT sent_at FROM outbox WHERE id = $1', [eventId]);
    assert.ok(sent.sent_at, 'the outbox row is marked sent and kept as the event log');
  });

  it('publishes nothing when the transaction that wrote it rolls back', async () => {
    const aggregateId = randomUUID();
    await assert.rejects(
      producer.dataSource.transaction(async (manager) => {
        await producer.writer.append(manager, {
          type: 'thing.happened',
          aggregateId,
          aggregateVersion: 1,
          region: '53',
          payload: { note: 'rolled back' },
        });
        throw new Error('the command failed after writing its event');
      }),
      /the command failed/,
    );
    // A later event of the same aggregate arrives after anything written before it, so once it is
    // applied, the rolled-back one would have been too.
    const markerId = await publishThing(producer, aggregateId, { note: 'marker' });
    await expectEventually(async () => {
      const rows = await consumer.dataSource.query('SELECT 1 FROM effects WHERE event_id = $1', [markerId]);
      assert.equal(rows.length, 1);
    });
    const notes = await consumer.dataSource.query('SELECT note FROM effects WHERE aggregate_id = $1', [
      aggregateId,
    ]);
    assert.deepEqual(notes, [{ note: 'marker' }]);
    const outbox = await producer.dataSource.query(
      'SELECT count(*)::int AS n FROM outbox WHERE aggregate_id = $1',
      [aggregateId],
    );
    assert.equal(outbox[0].n, 1);
  });

  it('refuses to write an event whose payload breaks its schema', async () => {
    await assert.rejects(
      producer.dataSource.transaction((manager) =>
        producer.writer.append(manager, {
          type: 'thing.happened',
          aggregateId: randomUUID(),
          aggregateVersion: 1,
          region: '53',
          payload: { note: 42 },
        }),
      ),
      (error: Error & { code?: string }) => error.code === 'EVENT.INVALID' && /note/.test(error.message),
    );
  });
});
