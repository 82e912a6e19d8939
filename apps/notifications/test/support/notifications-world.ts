import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { after, afterEach } from 'node:test';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type Role, signDevelopmentToken } from '@tripartite/auth';
import { loadConfig } from '@tripartite/config';
import type { EventEnvelope, PayloadOf, PlatformCatalogue, PlatformEventType } from '@tripartite/events';
import { createServiceApp, MetricsRegistry } from '@tripartite/http';
import { connectEventTransport, type PayloadInput, queueNamesFor } from '@tripartite/messaging';
import {
  createTestDatabase,
  expectEventually,
  freePort,
  isolatedEnvironment,
  type SmtpCatcher,
  TestProducer,
} from '@tripartite/testing';
import { connect } from 'amqplib';
import { Redis } from 'ioredis';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { DeliverySweeper } from '../../src/delivery/application/delivery.sweeper';
import { DeliveryQueue } from '../../src/delivery/infrastructure/delivery-queue';
import { type NotificationsConfig, notificationsConfigSchema } from '../../src/notifications.config';
import { NotificationsModule } from '../../src/notifications.module';

export const PUBLIC_BASE_URL = 'https://tripartite.example.fr';

/** The world and the SMTP catcher the current test started, if any. */
export interface TestWorld {
  world?: NotificationsWorld;
  smtp?: SmtpCatcher;
}

/**
 * For a file whose tests each start their own world and mail server (`t.world = await NotificationsWorld.start(…)`):
 * both are stopped after each test, and after all of them should a test have failed before its end.
 */
export function worldPerTest(): TestWorld {
  const current: TestWorld = {};
  const stop = async () => {
    await current.world?.dispose();
    await current.smtp?.stop();
    current.world = undefined;
    current.smtp = undefined;
  };
  afterEach(stop);
  after(stop);
  return current;
}

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
 * the other services) and the notifications service built as production builds it
 * (`createServiceApp` + the RabbitMQ transport), each with its own database, sharing the file's exchange,
 * queue prefix and Redis prefix. The SMTP server is the test's. More instances of the service (replicas,
 * a restart, a child process to kill) run on the same database, queue and Redis. `dispose()` removes
 * everything.
 */
export class NotificationsWorld {
  private redisClient?: Redis;
  private pool?: Pool;
  private readonly instances: NestFastifyApplication[] = [];
  private readonly children: ChildProcess[] = [];

  private constructor(
    /** The variables every instance of the service is started with (but the SMTP port). */
    readonly env: Record<string, string>,
    readonly config: NotificationsConfig,
    readonly producer: TestProducer,
    private readonly drops: (() => Promise<void>)[],
  ) {}

  /** Starts the world, and one instance of the service unless `app: false`. */
  static async start(
    label: string,
    options: { smtpPort: number; env?: Record<string, string>; app?: boolean },
  ): Promise<NotificationsWorld> {
    const producerDb = await createTestDatabase(`${label}_producer`);
    const notificationsDb = await createTestDatabase(`${label}_notifications`);
    const base = isolatedEnvironment(label, producerDb.name);
    const env: Record<string, string> = {
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
    };
    const config = loadConfig(notificationsConfigSchema, env) as NotificationsConfig;
    const producer = await TestProducer.start(base);
    const world = new NotificationsWorld(env, config, producer, [producerDb.drop, notificationsDb.drop]);
    if (options.app ?? true) await world.startInstance();
    return world;
  }

  /** One more instance of the service in this process, on the same database, queues and Redis. */
  async startInstance(overrides: Record<string, string> = {}): Promise<NestFastifyApplication> {
    const config = loadConfig(notificationsConfigSchema, {
      ...this.env,
      ...overrides,
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
    this.instances.push(app);
    return app;
  }

  /** Closes one instance (as a rolling restart or a scale-down would). */
  async stopInstance(app: NestFastifyApplication): Promise<void> {
    const index = this.instances.indexOf(app);
    if (index >= 0) this.instances.splice(index, 1);
    await app.close();
  }

  /**
   * The compiled service (`dist/apps/notifications/src/main.js`, as `npm start` runs it) in a child
   * process on this world's database, queues and Redis; answers once it is ready.
   */
  async spawnService(overrides: Record<string, string>): Promise<ChildProcess> {
    const port = await freePort();
    const main = join(__dirname, '..', '..', 'src', 'main.js');
    const child = spawn(process.execPath, [main], {
      env: { ...process.env, ...this.env, ...overrides, HTTP_PORT: String(port) },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    this.children.push(child);
    await expectEventually(
      async () => {
        if (child.exitCode !== null) throw new Error(`the service exited with ${child.exitCode}`);
        const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
        if (response.status !== 200) throw new Error(`not ready: ${response.status}`);
      },
      { timeoutMs: 60_000, intervalMs: 200 },
    );
    return child;
  }

  /** The first instance still running: the one the tests read through. */
  get app(): NestFastifyApplication {
    const app = this.instances[0];
    if (!app) throw new Error('no instance of the notifications service is running');
    return app;
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
  ): Promise<EventEnvelope<unknown, 'organisation.registered'>> {
    return this.producer.publish('organisation.registered', payload, {
      aggregateId: payload.organisationId,
      aggregateVersion,
      region: payload.regions[0],
    });
  }

  /** Publishes an event at the producer, through its outbox, as the other services will. */
  publish<T extends PlatformEventType>(
    type: T,
    payload: PayloadInput<PlatformCatalogue, T>,
    aggregateId: string = randomUUID(),
  ): Promise<EventEnvelope<unknown, T>> {
    const regions = (payload as { regions?: string[] }).regions;
    return this.producer.publish(type, payload, {
      aggregateId,
      aggregateVersion: 1,
      region: regions?.[0] ?? null,
    });
  }

  /** Registers organisations and waits until the directory holds them all. */
  async registerAll(organisations: PayloadOf<'organisation.registered'>[]): Promise<void> {
    const events: EventEnvelope[] = [];
    for (const o of organisations) events.push(await this.register(o));
    await expectEventually(async () => {
      for (const event of events) assert(await this.applied(event.id), `${event.id} not applied yet`);
    });
  }

  /** SQL on the service's database, whether an instance runs in this process or not. */
  async sql<R>(text: string, values: unknown[] = []): Promise<R[]> {
    if (!this.pool) {
      const url = new URL(this.config.DATABASE_URL);
      url.pathname = `/${this.env.DATABASE_NAME}`;
      this.pool = new Pool({ connectionString: url.toString(), max: 2 });
    }
    return (await this.pool.query(text, values)).rows as R[];
  }

  async deliveries(eventId?: string): Promise<DeliveryRow[]> {
    return this.sql(
      `SELECT id, event_id, recipient_email, recipient_organisation_id, status, attempts, last_smtp_reply,
         sent_at, failed_at
       FROM deliveries WHERE ($1::uuid IS NULL OR event_id = $1) ORDER BY recipient_email`,
      [eventId ?? null],
    );
  }

  /** Whether the notifications service's inbox holds the event (its handler ran and committed). */
  async applied(eventId: string): Promise<boolean> {
    const rows = await this.sql('SELECT 1 FROM inbox WHERE event_id = $1', [eventId]);
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
  get<T = unknown>(
    url: string,
    token?: string,
  ): Promise<{ status: number; body: T; headers: Record<string, unknown> }> {
    return this.request<T>('GET', url, token);
  }

  /** POST without a body on the service's HTTP API, with a bearer token and headers when given. */
  post<T = unknown>(
    url: string,
    token?: string,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: T; headers: Record<string, unknown> }> {
    return this.request<T>('POST', url, token, headers);
  }

  private async request<T>(
    method: 'GET' | 'POST',
    url: string,
    token?: string,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: T; headers: Record<string, unknown> }> {
    const response = await this.app.inject({
      method,
      url,
      headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
    return { status: response.statusCode, body: response.json() as T, headers: response.headers };
  }

  /**
   * A counter or gauge of the first instance's `/metrics` (0 when absent), summed over the series whose
   * labels include `labels`.
   */
  async metric(name: string, labels: Record<string, string> = {}): Promise<number> {
    const response = await this.app.inject({ method: 'GET', url: '/metrics' });
    assert.equal(response.statusCode, 200);
    const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
    return response.body
      .split('\n')
      .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
      .filter((line) => wanted.every((label) => line.includes(label)))
      .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
  }

  /**
   * The same, read from the first instance's registry rather than scraped: while PostgreSQL is away the
   * scrape of `/metrics` fails as a whole (the outbox gauge queries the database), the counters do not.
   */
  async metricInRegistry(name: string, labels: Record<string, string> = {}): Promise<number> {
    const metric = this.app.get(MetricsRegistry).registry.getSingleMetric(name);
    if (!metric) return 0;
    const { values } = await metric.get();
    return values
      .filter((v) => Object.entries(labels).every(([key, value]) => v.labels[key] === value))
      .reduce((sum, v) => sum + v.value, 0);
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
    for (const child of this.children) {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGKILL');
        await exited;
      }
    }
    for (const app of this.instances.splice(0)) await app.close().catch(() => undefined);
    await this.producer.close().catch(() => undefined);
    await this.deleteBrokerObjects().catch(() => undefined);
    await this.flushRedisPrefix().catch(() => undefined);
    await this.redisClient?.quit().catch(() => undefined);
    await this.pool?.end().catch(() => undefined);
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
    caisseKind: null,
    siret: null,
    service: null,
    ...overrides,
  };
}

/**
 * A CPOM's three parties, one contact each (addresses in that order): a service (Ana), its Caisse (Cy, CARSAT
 * Bretagne) and its DIRECCTE (Dan, DREETS Bretagne).
 */
export function cpomParties(
  [serviceEmail, caisseEmail, direccteEmail]: readonly [string, string, string],
  serviceOverrides: Partial<PayloadOf<'organisation.registered'>> = {},
) {
  const party = (name: string, email: string, overrides: Partial<PayloadOf<'organisation.registered'>>) =>
    organisation([{ name, email, receivesNotifications: true }], overrides);
  return {
    service: party('Ana', serviceEmail, serviceOverrides),
    caisse: party('Cy', caisseEmail, { type: 'CAISSE', name: 'CARSAT Bretagne' }),
    direccte: party('Dan', direccteEmail, { type: 'DIRECCTE', name: 'DREETS Bretagne' }),
  };
}
