import { after, before } from 'node:test';
import { createTestDatabase, isolatedEnvironment } from '@tripartite/testing';
import { deleteBrokerObjects } from './broker-admin';
import { type fastRetries, startTestService, type TestService } from './test-service';
import { ThingConsumer } from './thing.consumer';

export interface TwoServices {
  producer: TestService;
  consumer: TestService;
  env: Record<string, string>;
  consumerEnv: Record<string, string>;
  teardown(): Promise<void>;
}

/** The environments of a producing and a consuming service, each with its own database, sharing this file's exchange. */
export interface TwoServiceEnvironments {
  env: Record<string, string>;
  consumerEnv: Record<string, string>;
  /** Deletes the exchange and the two services' queues, then drops both databases. */
  dispose(): Promise<void>;
}

export async function twoServiceEnvironments(
  label: string,
  consumerEnv: Record<string, string> = {},
): Promise<TwoServiceEnvironments> {
  const producerDb = await createTestDatabase(`${label}_producer`);
  const consumerDb = await createTestDatabase(`${label}_consumer`);
  const env = isolatedEnvironment(label, producerDb.name);
  return {
    env,
    consumerEnv: { ...env, DATABASE_NAME: consumerDb.name, ...consumerEnv },
    async dispose() {
      await deleteBrokerObjects(env.AMQP_EXCHANGE, env.AMQP_QUEUE_PREFIX, ['consumer', 'producer']);
      await producerDb.drop();
      await consumerDb.drop();
    },
  };
}

/** A producing and a consuming service, each with its own database, sharing this file's exchange. */
export async function startTwoServices(
  label: string,
  options: {
    retryPolicy?: typeof fastRetries;
    producerEnv?: Record<string, string>;
    consumerEnv?: Record<string, string>;
  } = {},
): Promise<TwoServices> {
  const environments = await twoServiceEnvironments(label, options.consumerEnv);
  const { env, consumerEnv } = environments;
  const consumer = await startTestService({
    service: 'consumer',
    env: consumerEnv,
    controllers: [ThingConsumer],
    retryPolicy: options.retryPolicy,
  });
  const producer = await startTestService({ service: 'producer', env: { ...env, ...options.producerEnv } });
  return {
    producer,
    consumer,
    env,
    consumerEnv,
    async teardown() {
      await producer.close();
      await consumer.close();
      await environments.dispose();
    },
  };
}

/**
 * Services for the tests of one `describe`: `start` runs in its `before`, their `teardown()` in its
 * `after`. Answers what `start` started, to call for inside the tests.
 */
export function withServices<S extends { teardown(): Promise<void> }>(start: () => Promise<S>): () => S {
  let services: S | undefined;
  before(async () => {
    services = await start();
  });
  after(async () => {
    await services?.teardown();
  });
  return () => {
    if (!services) throw new Error('The services of this describe did not start');
    return services;
  };
}

/** Two services and a second consumer, `other`, with its own database, bound to the same exchange. */
export interface ThreeServices extends TwoServices {
  other: TestService;
}

export async function startThreeServices(label: string): Promise<ThreeServices> {
  const services = await startTwoServices(label);
  const database = await createTestDatabase(`${label}_other`);
  const other = await startTestService({
    service: 'other',
    env: { ...services.env, DATABASE_NAME: database.name },
    controllers: [ThingConsumer],
  });
  return {
    ...services,
    other,
    async teardown() {
      await other.close().catch(() => undefined);
      await deleteBrokerObjects(services.env.AMQP_EXCHANGE, services.env.AMQP_QUEUE_PREFIX, ['other']);
      await database.drop();
      await services.teardown();
    },
  };
}

/** Effects the consumer applied for an aggregate, in order. */
export async function notesOf(consumer: TestService, aggregateId: string): Promise<string[]> {
  const rows: { note: string }[] = await consumer.dataSource.query(
    'SELECT note FROM effects WHERE aggregate_id = $1 ORDER BY id',
    [aggregateId],
  );
  return rows.map((row) => row.note);
}

/** The tries of its handler the consumer recorded for an event, in order. */
export async function attemptsOf(consumer: TestService, eventId: string): Promise<number[]> {
  const rows: { attempt: number }[] = await consumer.dataSource.query(
    'SELECT attempt FROM attempts WHERE event_id = $1 ORDER BY attempt',
    [eventId],
  );
  return rows.map((row) => row.attempt);
}
