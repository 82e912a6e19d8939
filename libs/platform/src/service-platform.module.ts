import { type DynamicModule, Module, type OnModuleInit } from '@nestjs/common';
import { AuditModule } from '@tripartite/audit';
import { AuthModule } from '@tripartite/auth';
import { ClockModule } from '@tripartite/clock';
import type { PlatformConfig } from '@tripartite/config';
import { DeadlinesModule } from '@tripartite/deadlines';
import type { EventCatalogue } from '@tripartite/events';
import { MetricsRegistry, ReadinessRegistry } from '@tripartite/http';
import { AmqpEventTransport, MessagingHealth, MessagingModule } from '@tripartite/messaging';
import { PersistenceModule } from '@tripartite/persistence';
import { DataSource } from 'typeorm';
import { ChangeRecorder } from './change-recorder';
import { type ServicePersistence, withPlatformTables } from './service-persistence';

export interface ServicePlatformOptions {
  config: PlatformConfig;
  /** The events it publishes and reads; what it consumes is what its `@EventPattern` handlers name. */
  catalogue: EventCatalogue;
  /** The service's own ORM entities and migrations; the platform's tables are added here. */
  persistence: ServicePersistence;
  /** Serve the admin clock API from this service (one service is enough: the offset is shared). */
  clockAdminApi?: boolean;
}

/**
 * Registers the messaging side in `/health/ready` (broker connected, consumer still attached) and in
 * `/metrics` (outbox rows waiting, what became of consumed messages).
 */
@Module({})
class MessagingObservability implements OnModuleInit {
  constructor(
    private readonly readiness: ReadinessRegistry,
    private readonly metrics: MetricsRegistry,
    private readonly health: MessagingHealth,
    private readonly transport: AmqpEventTransport,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.readiness.register('broker', () => this.health.checkBroker());
    this.readiness.register('consumers', () => this.health.checkConsumers());
    const { transport, dataSource } = this;
    this.metrics.gauge({
      name: 'tripartite_outbox_pending',
      help: 'Outbox rows not yet published (grows while the broker is away)',
      async collect() {
        const [{ n }] = await dataSource.query('SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL');
        this.set(n);
      },
    });
    this.metrics.gauge({
      name: 'tripartite_events_consumed',
      help: 'Messages this process took from its queue since it started, by outcome',
      labelNames: ['outcome'],
      collect() {
        for (const [outcome, count] of Object.entries(transport.outcomes)) this.set({ outcome }, count);
      },
    });
  }
}

/**
 * Everything a Tripartite service stands on, in one import: its own database with the platform tables
 * (outbox, inbox, parked messages, deadlines, idempotency keys, audit log), the event bus (with the admin
 * view of parked messages), deadlines, the clock, JWT auth on every route and the audit trail. The HTTP side (problems, health, metrics, OpenAPI) comes from
 * `bootstrapService`.
 */
@Module({})
export class ServicePlatformModule {
  static forRoot(options: ServicePlatformOptions): DynamicModule {
    const { entities, migrations } = withPlatformTables(options.persistence);
    return {
      module: ServicePlatformModule,
      imports: [
        ClockModule.forRoot({ adjustable: options.config.NODE_ENV !== 'production' }),
        PersistenceModule.forRoot({ entities: [...entities], migrations: [...migrations] }),
        MessagingModule.forRoot({
          catalogue: options.catalogue,
          parkedMessagesApi: { service: options.config.SERVICE_NAME },
        }),
        DeadlinesModule.forRoot({ clockAdminApi: options.clockAdminApi ?? false }),
        AuthModule.forRoot(),
        AuditModule,
      ],
      providers: [MessagingObservability, ChangeRecorder],
      exports: [ChangeRecorder],
      global: true,
    };
  }
}
