import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, expectEventually, isolatedEnvironment } from '@tripartite/testing';
import { connect } from 'amqplib';
import { deleteBrokerObjects } from './support/broker-admin';
import { publishThing, startTestService, type TestService } from './support/test-service';

describe('two replicas of one producing service', () => {
  let replicas: TestService[] = [];
  let env: Record<string, string>;
  let drop: () => Promise<void>;
  const tapQueue = `tap.${randomUUID()}`;

  before(async () => {
    const db = await createTestDatabase('replicas');
    drop = db.drop;
    env = isolatedEnvironment('replicas', db.name);
    replicas = [
      await startTestService({ service: 'producer', env }),
      await startTestService({ service: 'producer', env }),
    ];
  });
  after(async () => {
    for (const replica of replicas) await replica.close();
    await deleteBrokerObjects(env.AMQP_EXCHANGE, env.AMQP_QUEUE_PREFIX, []);
    await drop();
  });

  it('publish each outbox row once, whichever replica wrote it', async () => {
    // A raw queue bound to the exchange sees every publication, duplicates included.
    const connection = await connect('amqp://guest:guest@127.0.0.1:5672');
    const channel = await connection.createChannel();
    await channel.assertExchange(env.AMQP_EXCHANGE, 'topic', { durable: true });
    await channel.assertQueue(tapQueue, { exclusive: true });
    await channel.bindQueue(tapQueue, env.AMQP_EXCHANGE, '#');
    const seen: string[] = [];
    await channel.consume(tapQueue, (message) => {
      if (!message) return;
      seen.push(message.properties.messageId as string);
      channel.ack(message);
    });

    const written = await Promise.all(
      Array.from({ length: 200 }, (_, i) => publishThing(replicas[i % 2], randomUUID(), { note: `n${i}` })),
    );
    try {
      await expectEventually(() => assert.equal(seen.length, 200), { timeoutMs: 20_000 });
      assert.equal(new Set(seen).size, 200, 'no event published twice');
      assert.deepEqual([...seen].sort(), [...written].sort());
      // The relay marks a row sent after the broker's confirm, so the tap may see a message before its mark.
      await expectEventually(async () => {
        const unsent = await replicas[0].dataSource.query(
          'SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL',
        );
        assert.equal(unsent[0].n, 0);
      });
    } finally {
      await connection.close();
    }
  });
});
