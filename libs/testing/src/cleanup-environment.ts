import { connect } from 'amqplib';
import { Redis } from 'ioredis';

/**
 * Removes what a test file's services left on the shared broker and Redis: their queues (main, retry,
 * parking), the file's exchange, and every Redis key under the file's prefix. Databases are dropped by
 * `createTestDatabase(...).drop()`.
 */
export async function cleanupIsolatedEnvironment(
  env: Record<string, string>,
  consumingServices: readonly string[] = [],
): Promise<void> {
  const connection = await connect(env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672');
  try {
    const channel = await connection.createChannel();
    channel.on('error', () => undefined);
    for (const service of consumingServices) {
      const main = `${env.AMQP_QUEUE_PREFIX}.${service}`;
      for (const queue of [main, `${main}.parked`, `${main}.retry.1`, `${main}.retry.2`]) {
        await channel.deleteQueue(queue);
      }
    }
    await channel.deleteExchange(env.AMQP_EXCHANGE);
    await channel.close();
  } finally {
    await connection.close();
  }
  const redis = new Redis(env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${env.REDIS_PREFIX}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
