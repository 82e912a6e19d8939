import type { INestApplication, Type } from '@nestjs/common';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { ClockModule } from '@tripartite/clock';
import { ConfigModule, loadConfig, type PlatformConfig, serviceConfigSchema } from '@tripartite/config';
import {
  type AmqpEventTransport,
  connectEventTransport,
  MessagingModule,
  messagingPersistence,
  OutboxRelay,
  OutboxWriter,
  type RetryPolicy,
} from '@tripartite/messaging';
import { PersistenceModule } from '@tripartite/persistence';
import { DataSource } from 'typeorm';
import { CreateTestEffects1764000009000 } from './effects';
import { testCatalogue } from './test-catalogue';

export interface TestService {
  app: INestApplication;
  config: PlatformConfig;
  dataSource: DataSource;
  writer: OutboxWriter<typeof testCatalogue>;
  relay: OutboxRelay;
  transport: AmqpEventTransport;
  close(): Promise<void>;
}

export const fastRetries: RetryPolicy = { maxAttempts: 3, delaysMs: [100, 300], deliveryLimit: 10 };

/**
 * Boots one service the way main.ts does (persistence, messaging, the @EventPattern transport),
 * against the real PostgreSQL and RabbitMQ, with the test's isolated environment.
 */
export async function startTestService(options: {
  service: string;
  env: Record<string, string>;
  consumes?: string[];
  controllers?: Type<unknown>[];
  retryPolicy?: RetryPolicy;
}): Promise<TestService> {
  const config = loadConfig(serviceConfigSchema(options.service, 0), options.env);
  const moduleRef = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(config),
      ClockModule.forRoot({ adjustable: true }),
      PersistenceModule.forRoot({
        entities: [...messagingPersistence.entities],
        migrations: [...messagingPersistence.migrations, CreateTestEffects1764000009000],
      }),
      MessagingModule.forRoot({
        catalogue: testCatalogue,
        consumes: options.consumes ?? [],
        retryPolicy: options.retryPolicy ?? fastRetries,
      }),
    ],
    controllers: options.controllers ?? [],
  }).compile();
  const app = moduleRef.createNestApplication(new FastifyAdapter(), {
    logger: options.env.LOG_LEVEL === 'silent' ? false : ['error', 'warn', 'log'],
  });
  const transport = connectEventTransport(app);
  await app.startAllMicroservices();
  await app.init();
  return {
    app,
    config,
    dataSource: app.get(DataSource),
    writer: app.get<OutboxWriter<typeof testCatalogue>>(OutboxWriter),
    relay: app.get(OutboxRelay),
    transport,
    close: () => app.close(),
  };
}

/** Writes one `thing.happened` event through the outbox, in its own transaction. */
export async function publishThing(
  service: TestService,
  aggregateId: string,
  payload: { note: string; failTimes?: number; workMs?: number },
): Promise<string> {
  const envelope = await service.dataSource.transaction((manager) =>
    service.writer.append(manager, {
      type: 'thing.happened',
      aggregateId,
      aggregateVersion: 1,
      region: '53',
      payload,
    }),
  );
  return envelope.id;
}
