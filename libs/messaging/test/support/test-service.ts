import { type INestApplication, Module, type Type } from '@nestjs/common';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { AuditLogOrmEntity, AuditModule, CreateAuditLog1764000003000 } from '@tripartite/audit';
import { AuthModule } from '@tripartite/auth';
import { ClockModule } from '@tripartite/clock';
import { ConfigModule, loadConfig, type PlatformConfig, serviceConfigSchema } from '@tripartite/config';
import type { EventCatalogue } from '@tripartite/events';
import {
  CreateIdempotencyKeys1764000002000,
  createServiceApp,
  IdempotencyKeyOrmEntity,
} from '@tripartite/http';
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

@Module({})
class TestServiceModule {}

export const fastRetries: RetryPolicy = { maxAttempts: 3, delaysMs: [100, 300], deliveryLimit: 10 };

/**
 * Boots one service the way main.ts does (persistence, messaging, the @EventPattern transport: it
 * consumes what the `controllers`' handlers name), against the real PostgreSQL and RabbitMQ, with the
 * test's isolated environment. With `adminApi`, it is built as production builds a service
 * (`createServiceApp`: request context, problem+json) with the platform's JWT guard and audit trail, and
 * serves the admin view of its parked messages.
 */
export async function startTestService(options: {
  service: string;
  env: Record<string, string>;
  /** The events this release knows (default: the tests' `thing.happened`). */
  catalogue?: EventCatalogue;
  controllers?: Type<unknown>[];
  retryPolicy?: RetryPolicy;
  adminApi?: boolean;
}): Promise<TestService> {
  const config = loadConfig(serviceConfigSchema(options.service, 0), options.env);
  const admin = options.adminApi ?? false;
  const imports = [
    ClockModule.forRoot({ adjustable: true }),
    PersistenceModule.forRoot({
      entities: [...messagingPersistence.entities, AuditLogOrmEntity, IdempotencyKeyOrmEntity],
      migrations: [
        ...messagingPersistence.migrations,
        CreateAuditLog1764000003000,
        CreateIdempotencyKeys1764000002000,
        CreateTestEffects1764000009000,
      ],
    }),
    MessagingModule.forRoot({
      catalogue: options.catalogue ?? testCatalogue,
      retryPolicy: options.retryPolicy ?? fastRetries,
      parkedMessagesApi: admin ? { service: options.service } : undefined,
    }),
  ];
  const controllers = options.controllers ?? [];
  let app: INestApplication;
  let transport: AmqpEventTransport | undefined;
  if (admin) {
    app = await createServiceApp({
      module: {
        module: TestServiceModule,
        imports: [...imports, AuthModule.forRoot(), AuditModule],
        controllers,
      },
      config,
      openApi: { title: options.service, description: 'a service under test' },
      configure: async (nest) => {
        transport = connectEventTransport(nest);
        await nest.startAllMicroservices();
      },
    });
    await (app.getHttpAdapter().getInstance() as { ready(): Promise<unknown> }).ready();
  } else {
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(config), ...imports],
      controllers,
    }).compile();
    app = moduleRef.createNestApplication(new FastifyAdapter(), {
      logger: options.env.LOG_LEVEL === 'silent' ? false : ['error', 'warn', 'log'],
    });
    transport = connectEventTransport(app);
    await app.startAllMicroservices();
    await app.init();
  }
  if (!transport) throw new Error('the event transport was not connected');
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
