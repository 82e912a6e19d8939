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
 * `/metrics`: what waits in the outbox and for how long (relay lag), what waits in the service's queue
 * (consumer lag), and what became of consumed messages (parked ones among them). Gauges are read at
 * scrape time: a query on the outbox's pending index, a passive declare on the broker.
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
    const { transport, dataSource, health } = this;
    this.metrics.gauge({
      name: 'tripartite_outbox_pending',
      help: 'Outbox rows not yet published (grows while the broker is away)',
      async collect() {
        const [{ n }] = await dataSource.query('SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL');
        this.set(n);
      },
    });
    this.metrics.gauge({
      name: 'tripartite_outbox_relay_lag_seconds',
      help: 'Relay lag: age of the oldest outbox row not yet published (0 when none waits)',
      async collect() {
        const rows: { age: number }[] = await dataSource.query(
          `SELECT extract(epoch FROM now() - created_at)::float8 AS age
             FROM outbox WHERE sent_at IS NULL ORDER BY seq LIMIT 1`,
        );
        this.set(Math.max(0, rows[0]?.age ?? 0));
      },
    });
    this.metrics.gauge({
      name: 'tripartite_consumer_lag_messages',
      help: "Consumer lag: messages ready in the service's queue, not yet taken (NaN when the broker does not answer)",
      async collect() {
        // A service that consumes nothing has no queue, and no lag.
        this.set((await health.queuedMessages().catch(() => Number.NaN)) ?? 0);
      },
    });
    this.metrics.counter({
      name: 'tripartite_events_consumed_total',
      help: 'Messages this process took from its queue, by outcome (applied, duplicate, retried, parked)',
      labelNames: ['outcome'],
      collect() {
        // The transport counts; the counter shows its totals (monotonic for the life of the process).
        this.reset();
        for (const [outcome, count] of Object.entries(transport.outcomes)) this.inc({ outcome }, count);
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
