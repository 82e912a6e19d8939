import type { INestApplicationContext, LoggerService } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ClockModule } from '@tripartite/clock';
import { ConfigModule, loadConfig, serviceConfigSchema } from '@tripartite/config';
import {
  type EventEnvelope,
  eventCatalogue,
  type PlatformCatalogue,
  type PlatformEventType,
} from '@tripartite/events';
import {
  MessagingModule,
  messagingPersistence,
  OutboxWriter,
  type PayloadInput,
} from '@tripartite/messaging';
import { PersistenceModule } from '@tripartite/persistence';
import { DataSource } from 'typeorm';

const silent: LoggerService = { log: () => undefined, error: () => undefined, warn: () => undefined };

/**
 * A producing service for consumer tests (the agreements service, or the contracts service before it
 * exists): its own database with the outbox, the platform's event catalogue, and the relay publishing
 * to the test's exchange. No HTTP. Give it an environment whose DATABASE_NAME is not the consumer's.
 */
export class TestProducer {
  private constructor(
    private readonly app: INestApplicationContext,
    readonly dataSource: DataSource,
    private readonly writer: OutboxWriter,
  ) {}

  static async start(env: Record<string, string>, producerName = 'agreements'): Promise<TestProducer> {
    const config = loadConfig(serviceConfigSchema(producerName, 0), env);
    const builder = Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(config),
        ClockModule.forRoot({ adjustable: true }),
        PersistenceModule.forRoot({
          entities: [...messagingPersistence.entities],
          migrations: [...messagingPersistence.migrations],
        }),
        MessagingModule.forRoot({ catalogue: eventCatalogue }),
      ],
    });
    if (env.LOG_LEVEL === 'silent') builder.setLogger(silent);
    const moduleRef = await builder.compile();
    await moduleRef.init();
    return new TestProducer(moduleRef, moduleRef.get(DataSource), moduleRef.get(OutboxWriter));
  }

  /** Writes one event through the outbox, in its own transaction, as a command would. */
  publish<T extends PlatformEventType>(
    type: T,
    payload: PayloadInput<PlatformCatalogue, T>,
    options: { aggregateId: string; aggregateVersion: number; region?: string | null },
  ): Promise<EventEnvelope<unknown, T>> {
    return this.dataSource.transaction((manager) =>
      this.writer.append(manager, {
        type,
        aggregateId: options.aggregateId,
        aggregateVersion: options.aggregateVersion,
        region: options.region ?? null,
        payload,
      }),
    );
  }

  close(): Promise<void> {
    return this.app.close();
  }
}
