import { TEST_SERVER_URL, uniqueTestName } from './test-database';

/**
 * Environment variables isolating one test file: its own database, exchange, queue prefix and Redis
 * prefix on the machine's real PostgreSQL, RabbitMQ and Redis.
 */
export function isolatedEnvironment(label: string, database: string): Record<string, string> {
  const id = uniqueTestName(label);
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATABASE_URL: TEST_SERVER_URL,
    DATABASE_NAME: database,
    AMQP_EXCHANGE: `${id}.events`,
    AMQP_QUEUE_PREFIX: id,
    REDIS_PREFIX: id,
    OUTBOX_POLL_MS: '200',
  };
}
