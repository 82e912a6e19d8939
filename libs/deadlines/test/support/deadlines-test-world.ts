import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import {
  type DynamicModule,
  Global,
  type INestApplication,
  type INestApplicationContext,
  type LoggerService,
  Module,
} from '@nestjs/common';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { AuthModule } from '@tripartite/auth';
import { AdjustableClock, Clock, ClockModule, ClockSync } from '@tripartite/clock';
import { ConfigModule, loadConfig, type PlatformConfig, serviceConfigSchema } from '@tripartite/config';
import {
  DeadlineReconciler,
  DeadlineScheduler,
  DeadlinesHealth,
  DeadlinesModule,
  type DeadlinesModuleOptions,
  DeadlineTimers,
  deadlinesPersistence,
  type ScheduleDeadline,
} from '@tripartite/deadlines';
import { defineEvent, type EventCatalogue, type EventEnvelope } from '@tripartite/events';
import { ProblemFilter } from '@tripartite/http';
import { EVENT_CATALOGUE, messagingPersistence, OutboxWriter } from '@tripartite/messaging';
import { PersistenceModule } from '@tripartite/persistence';
import { createTestDatabase, isolatedEnvironment } from '@tripartite/testing';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { z } from 'zod';

/** The one event these tests' deadlines publish. */
export const reminderDue = defineEvent(
  'deadline_test.reminder_due',
  1,
  z.object({ note: z.string().min(1) }),
  'A reminder kept by the deadline tests fell due',
);
export const testCatalogue: EventCatalogue = { [reminderDue.type]: reminderDue };

/** Stands in for MessagingModule: the outbox writer and the catalogue, provided globally. */
@Global()
@Module({})
class TestMessagingModule {
  static with(catalogue: EventCatalogue): DynamicModule {
    return {
      module: TestMessagingModule,
      providers: [OutboxWriter, { provide: EVENT_CATALOGUE, useValue: catalogue }],
      exports: [OutboxWriter, EVENT_CATALOGUE],
    };
  }
}

const silentLogger: LoggerService = {
  log: () => undefined,
  error: () => undefined,
  warn: () => undefined,
  debug: () => undefined,
  verbose: () => undefined,
};
const verbose = process.env.TEST_LOG_LEVEL !== undefined && process.env.TEST_LOG_LEVEL !== 'silent';

/** One process of the test service: a Nest application with its deadline machinery. */
export interface Replica {
  app: INestApplicationContext;
  /** Set when started with `http: true`: the Fastify application, for `inject()`. */
  http?: INestApplication;
  scheduler: DeadlineScheduler<typeof testCatalogue>;
  reconciler: DeadlineReconciler;
  timers: DeadlineTimers;
  health: DeadlinesHealth;
  clockSync: ClockSync;
  clock: Clock;
  dataSource: DataSource;
  close(): Promise<void>;
}

export interface StartOptions extends DeadlinesModuleOptions {
  /** Run as production does: `NODE_ENV=production` and the system clock. */
  production?: boolean;
  /** Serve HTTP through Fastify with the platform's auth guard and problem filter. */
  http?: boolean;
  /** The event catalogue this replica reads (another version of the test event, as after an upgrade). */
  catalogue?: EventCatalogue;
}

/**
 * A test file's isolated world on the machine's real PostgreSQL and Redis: its own database and its
 * own Redis key prefix, shared by every replica the file starts (as replicas of one service share
 * theirs). `dispose()` closes the replicas, deletes the prefix's Redis keys and drops the database.
 */
export class DeadlinesTestWorld {
  private readonly replicas: Replica[] = [];
  private redisClient?: Redis;

  private constructor(
    readonly config: PlatformConfig,
    private readonly env: Record<string, string>,
    private readonly dropDatabase: () => Promise<void>,
  ) {}

  static async create(label: string, extraEnv: Record<string, string> = {}): Promise<DeadlinesTestWorld> {
    const database = await createTestDatabase(label);
    const env = {
      ...isolatedEnvironment(label, database.name),
      // Long by default: a test proving that a timer fired must not be helped by a periodic pass.
      DEADLINE_RECONCILE_MS: '600000',
      ...extraEnv,
    };
    return new DeadlinesTestWorld(
      loadConfig(serviceConfigSchema('deadlines-test', 0), env),
      env,
      database.drop,
    );
  }

  get redis(): Redis {
    this.redisClient ??= new Redis(this.config.REDIS_URL, { connectionName: 'deadlines-test' });
    return this.redisClient;
  }

  async start(options: StartOptions = {}): Promise<Replica> {
    const { production, http, catalogue, ...deadlineOptions } = options;
    const config = production
      ? loadConfig(serviceConfigSchema('deadlines-test', 0), {
          ...this.env,
          NODE_ENV: 'production',
          // Required in production; never fetched by these tests (no token is verified there).
          AUTH_JWKS_URL: 'http://127.0.0.1:9/jwks.json',
        })
      : this.config;
    const builder = Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(config),
        ClockModule.forRoot({ adjustable: !production }),
        PersistenceModule.forRoot({
          entities: [...messagingPersistence.entities, ...deadlinesPersistence.entities],
          migrations: [...messagingPersistence.migrations, ...deadlinesPersistence.migrations],
        }),
        TestMessagingModule.with(catalogue ?? testCatalogue),
        ...(http && !production ? [AuthModule.forRoot()] : []),
        DeadlinesModule.forRoot({
          ...deadlineOptions,
          clockAdminApi: http ? true : deadlineOptions.clockAdminApi,
        }),
      ],
    });
    if (!verbose) builder.setLogger(silentLogger);
    const moduleRef = await builder.compile();
    let app: INestApplicationContext = moduleRef;
    let httpApp: INestApplication | undefined;
    if (http) {
      httpApp = moduleRef.createNestApplication(new FastifyAdapter(), verbose ? {} : { logger: false });
      httpApp.useGlobalFilters(new ProblemFilter());
      await httpApp.init();
      await (httpApp.getHttpAdapter().getInstance() as { ready(): Promise<unknown> }).ready();
      app = httpApp;
    } else {
      await moduleRef.init();
    }
    const replica: Replica = {
      app,
      http: httpApp,
      scheduler: app.get<DeadlineScheduler<typeof testCatalogue>>(DeadlineScheduler),
      reconciler: app.get(DeadlineReconciler),
      timers: app.get(DeadlineTimers),
      health: app.get(DeadlinesHealth),
      clockSync: app.get(ClockSync),
      clock: app.get(Clock),
      dataSource: app.get(DataSource),
      close: async () => {
        const index = this.replicas.indexOf(replica);
        if (index >= 0) this.replicas.splice(index, 1);
        await app.close();
      },
    };
    this.replicas.push(replica);
    return replica;
  }

  /**
   * Deletes every Redis key of this test's prefix: BullMQ's queue and jobs and the clock offset.
   * This is what `FLUSHALL` does to this test's world; a real `FLUSHALL` would also wipe the keys of
   * the test files running in parallel on the same Redis, so it is never used here.
   */
  async flushPrefix(): Promise<number> {
    let cursor = '0';
    let deleted = 0;
    do {
      const [next, keys] = await this.redis.scan(
        cursor,
        'MATCH',
        `${this.config.REDIS_PREFIX}:*`,
        'COUNT',
        500,
      );
      cursor = next;
      if (keys.length > 0) deleted += await this.redis.unlink(...keys);
    } while (cursor !== '0');
    return deleted;
  }

  /** The envelopes in the outbox, oldest first, of one subject or all. */
  async outbox(subjectId?: string): Promise<EventEnvelope[]> {
    const source = this.replicas[0]?.dataSource;
    if (!source) throw new Error('No replica running to read the outbox with');
    const rows: { envelope: EventEnvelope }[] = await source.query(
      'SELECT envelope FROM outbox WHERE ($1::text IS NULL OR aggregate_id = $1) ORDER BY seq',
      [subjectId ?? null],
    );
    return rows.map((r) => r.envelope);
  }

  async dispose(): Promise<void> {
    for (const replica of [...this.replicas].reverse()) await replica.close().catch(() => undefined);
    await this.flushPrefix().catch(() => undefined);
    await this.redisClient?.quit().catch(() => undefined);
    await this.dropDatabase();
  }
}

/** A reminder for `subjectId` due at `dueAt`, with the test event. */
export function reminder(
  subjectId: string,
  dueAt: Date,
  extra: Partial<ScheduleDeadline<typeof testCatalogue>> = {},
): ScheduleDeadline<typeof testCatalogue> {
  return {
    kind: 'deadline_test.reminder',
    subjectId,
    region: '11',
    dueAt,
    event: { type: reminderDue.type, aggregateVersion: 1, payload: { note: `reminder of ${subjectId}` } },
    ...extra,
  };
}

/** `ms` after the replica's platform time. */
export function inMs(replica: Replica, ms: number): Date {
  return new Date(replica.clock.now().getTime() + ms);
}

export const DAY_MS = 86_400_000;

/**
 * Asserts that the timer of deadline `id` is delayed and wakes up `ms` after the machine's time (within
 * five seconds): where it stands after its deadline or the platform clock moved.
 */
export async function assertTimerIn(
  replica: Replica,
  id: string,
  ms: number,
  message: string,
): Promise<void> {
  const timer = await replica.timers.inspect(id);
  assert.ok(timer.fireAt, 'the timer is delayed');
  assert.ok(Math.abs(timer.fireAt.getTime() - (Date.now() + ms)) < 5_000, message);
}

/** The adjustable clock of a replica started outside production. */
export function adjustableClockOf(replica: Replica): AdjustableClock {
  if (!(replica.clock instanceof AdjustableClock)) throw new Error('This replica runs on the system clock');
  return replica.clock;
}

/** What `withDeadlinesTestWorld` started, to read inside the tests. */
export interface DeadlinesTestSetup {
  readonly world: DeadlinesTestWorld;
  /** The replicas started before the tests, in the order of their options. */
  readonly replicas: readonly Replica[];
}

/**
 * A test file's world for the tests of one `describe`: its `before` creates the world under `label` and
 * starts one replica per entry of `replicas`, in order; its `after` disposes of the world (replicas,
 * Redis prefix, database).
 */
export function withDeadlinesTestWorld(label: string, replicas: StartOptions[] = [{}]): DeadlinesTestSetup {
  let world: DeadlinesTestWorld | undefined;
  const started: Replica[] = [];
  before(async () => {
    world = await DeadlinesTestWorld.create(label);
    for (const options of replicas) started.push(await world.start(options));
  });
  after(() => world?.dispose());
  return {
    get world() {
      if (!world) throw new Error(`The deadlines test world ${label} was not created`);
      return world;
    },
    replicas: started,
  };
}
