import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type Role, signDevelopmentToken } from '@tripartite/auth';
import { loadConfig } from '@tripartite/config';
import type { EventEnvelope, PayloadOf } from '@tripartite/events';
import { createServiceApp } from '@tripartite/http';
import { connectEventTransport, queueNamesFor } from '@tripartite/messaging';
import { createTestDatabase, isolatedEnvironment } from '@tripartite/testing';
import { connect } from 'amqplib';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { DeliverySweeper } from '../../src/delivery/application/delivery.sweeper';
import { DeliveryQueue } from '../../src/delivery/infrastructure/delivery-queue';
import { type NotificationsConfig, notificationsConfigSchema } from '../../src/notifications.config';
import { NotificationsModule } from '../../src/notifications.module';
import { TestProducer } from './producer';

export const PUBLIC_BASE_URL = 'https://tripartite.example.fr';

/** A delivery row as the tests read it. */
export interface DeliveryRow {
  id: string;
  event_id: string;
  recipient_email: string;
  recipient_organisation_id: string | null;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  last_smtp_reply: string | null;
  sent_at: Date | null;
  failed_at: Date | null;
}

/**
 * One test file's world on the machine's real PostgreSQL, RabbitMQ and Redis: a producer (standing for
 * the agreements service) and the notifications service built as production builds it
 * (`createServiceApp` + the RabbitMQ transport), each with its own database, sharing the file's exchange,
 * queue prefix and Redis prefix. The SMTP server is the test's. `dispose()` removes everything.
 */
export class NotificationsWorld {
  private redisClient?: Redis;

  private constructor(
    readonly app: NestFastifyApplication,
    readonly config: NotificationsConfig,
    readonly producer: TestProducer,
    private readonly drops: (() => Promise<void>)[],
  ) {}

  static async start(
    label: string,
    options: { smtpPort: number; env?: Record<string, string> },
  ): Promise<NotificationsWorld> {
    const producerDb = await createTestDatabase(`${label}_producer`);
    const notificationsDb = await createTestDatabase(`${label}_notifications`);
    const base = isolatedEnvironment(label, producerDb.name);
    const config = loadConfig(notificationsConfigSchema, {
      ...base,
      DATABASE_NAME: notificationsDb.name,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(options.smtpPort),
      SMTP_TIMEOUT_MS: '2000',
      PUBLIC_BASE_URL,
      MAIL_RETRY_DELAY_MS: '100',
      // Long: a test that proves the queue sends must not be helped by a sweep (tests call it themselves).
      MAIL_SWEEP_MS: '600000',
      DEADLINE_RECONCILE_MS: '600000',
      ...options.env,
    }) as NotificationsConfig;
    const app = await createServiceApp({
      module: NotificationsModule.forRoot(config),
      config,
      openApi: { title: 'Notifications (test)', description: 'notifications under test' },
      configure: async (nest) => {
        connectEventTransport(nest);
        await nest.startAllMicroservices();
      },
    });
    await app.getHttpAdapter().getInstance().ready();
    const producer = await TestProducer.start(base);
    return new NotificationsWorld(app, config, producer, [producerDb.drop, notificationsDb.drop]);
  }

  get dataSource(): DataSource {
    return this.app.get(DataSource);
  }

  get sweeper(): DeliverySweeper {
    return this.app.get(DeliverySweeper);
  }

  get queue(): DeliveryQueue {
    return this.app.get(DeliveryQueue);
  }

  /** Registers an organisation at the producer, through its outbox; answers the event. */
  register(
    payload: PayloadOf<'organisation.registered'>,
    aggregateVersion = 1,
  ): Promise<EventEnvelope<PayloadOf<'organisation.registered'>>> {
    return this.producer.publish('organisation.registered', payload, {
      aggregateId: payload.organisationId,
      aggregateVersion,
      region: payload.regions[0],
    });
  }

  async deliveries(eventId?: string): Promise<DeliveryRow[]> {
    return this.dataSource.query(
      `SELECT id, event_id, recipient_email, recipient_organisation_id, status, attempts, last_smtp_reply,
         sent_at, failed_at
       FROM deliveries WHERE ($1::uuid IS NULL OR event_id = $1) ORDER BY recipient_email`,
      [eventId ?? null],
    );
  }

  /** Whether the notifications service's inbox holds the event (its handler ran and committed). */
  async applied(eventId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM inbox WHERE event_id = $1', [eventId]);
    return rows.length > 0;
  }

  /** Publishes an envelope straight to the exchange, as a redelivery or a replay would bring it again. */
  async publishRaw(envelope: EventEnvelope): Promise<void> {
    const connection = await connect(this.config.AMQP_URL);
    try {
      const channel = await connection.createConfirmChannel();
      channel.publish(this.config.AMQP_EXCHANGE, envelope.type, Buffer.from(JSON.stringify(envelope)), {
        persistent: true,
        messageId: envelope.id,
        contentType: 'application/json',
      });
      await channel.waitForConfirms();
      await channel.close();
    } finally {
      await connection.close();
    }
  }

  /** A development token for the service's verifier. */
  token(roles: Role[], options: { region?: string; organisationId?: string } = {}): Promise<string> {
    return signDevelopmentToken({
      subject: `test-${randomUUID()}`,
      roles,
      region: options.region,
      organisationId: options.organisationId,
      issuer: this.config.AUTH_ISSUER,
      audience: this.config.AUTH_AUDIENCE,
      secret: this.config.AUTH_DEV_SECRET,
    });
  }

  /** GET on the service's HTTP API (Fastify inject), with a bearer token when given. */
  async get<T = unknown>(
    url: string,
    token?: string,
  ): Promise<{ status: number; body: T; headers: Record<string, unknown> }> {
    const response = await this.app.inject({
      method: 'GET',
      url,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    return { status: response.statusCode, body: response.json() as T, headers: response.headers };
  }

  get redis(): Redis {
    this.redisClient ??= new Redis(this.config.REDIS_URL, { connectionName: 'notifications-test' });
    return this.redisClient;
  }

  /** Deletes every Redis key of this file's prefix (what a Redis wipe does to this world only). */
  async flushRedisPrefix(): Promise<void> {
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(
        cursor,
        'MATCH',
        `${this.config.REDIS_PREFIX}:*`,
        'COUNT',
        500,
      );
      cursor = next;
      if (keys.length > 0) await this.redis.unlink(...keys);
    } while (cursor !== '0');
  }

  async dispose(): Promise<void> {
    await this.app.close().catch(() => undefined);
    await this.producer.close().catch(() => undefined);
    await this.deleteBrokerObjects().catch(() => undefined);
    await this.flushRedisPrefix().catch(() => undefined);
    await this.redisClient?.quit().catch(() => undefined);
    for (const drop of this.drops) await drop();
  }

  private async deleteBrokerObjects(): Promise<void> {
    const connection = await connect(this.config.AMQP_URL);
    try {
      const names = queueNamesFor(this.config.AMQP_QUEUE_PREFIX, this.config.SERVICE_NAME);
      for (const queue of [names.main, names.parked, names.retry(1), names.retry(2), names.retry(3)]) {
        const channel = await connection.createChannel();
        channel.on('error', () => undefined);
        await channel.deleteQueue(queue).catch(() => undefined);
        await channel.close().catch(() => undefined);
      }
      const channel = await connection.createChannel();
      channel.on('error', () => undefined);
      await channel.deleteExchange(this.config.AMQP_EXCHANGE).catch(() => undefined);
      await channel.close().catch(() => undefined);
    } finally {
      await connection.close();
    }
  }
}

/** An organisation as the agreements service describes it in `organisation.*` events. */
export function organisation(
  contacts: { name: string; email: string; receivesNotifications: boolean }[],
  overrides: Partial<PayloadOf<'organisation.registered'>> = {},
): PayloadOf<'organisation.registered'> {
  return {
    organisationId: randomUUID(),
    type: 'SSTI',
    name: 'Santé Travail Ouest',
    regions: ['53'],
    contacts: contacts.map((c) => ({ ...c, function: null })),
    ...overrides,
  };
}
