import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type CalendarDate, calendarDateAt } from '@tripartite/calendar';
import { Clock, ClockSync } from '@tripartite/clock';
import { loadConfig, type PlatformConfig } from '@tripartite/config';
import type { PlatformCatalogue, PlatformEventType } from '@tripartite/events';
import { createServiceApp } from '@tripartite/http';
import { connectEventTransport, type PayloadInput } from '@tripartite/messaging';
import {
  cleanupIsolatedEnvironment,
  createTestDatabase,
  expectEventually,
  isolatedEnvironment,
  type Json,
  type Reply,
  requestAs,
  TestProducer,
  type TestRequest,
  testToken,
} from '@tripartite/testing';
import type { DataSource } from 'typeorm';
import { DataSource as TypeOrmDataSource } from 'typeorm';
import { consultationsConfigSchema } from '../../src/consultations.config';
import { ConsultationsModule } from '../../src/consultations.module';

export type { Json, Reply } from '@tripartite/testing';

export const BRETAGNE = '53';
const DAY_MS = 86_400_000;

/**
 * One test file's world on the real engines: the consultations service as main.ts builds it, and a producer
 * standing for the agreements and contracts services (its own database, the file's exchange), publishing
 * through its outbox as they would. `dispose()` removes everything.
 */
export class ConsultationsWorld {
  private constructor(
    readonly app: NestFastifyApplication,
    readonly config: PlatformConfig,
    readonly dataSource: DataSource,
    readonly producer: TestProducer,
    private readonly cleanup: () => Promise<void>,
  ) {}

  static async start(label: string): Promise<ConsultationsWorld> {
    const db = await createTestDatabase(label);
    const producerDb = await createTestDatabase(`${label}_producer`);
    const env = isolatedEnvironment(label, db.name);
    const config = loadConfig(consultationsConfigSchema, env);
    const app = await createServiceApp({
      module: ConsultationsModule.forRoot(config),
      config,
      openApi: { title: 'test', description: 'test' },
      configure: async (nest) => {
        connectEventTransport(nest);
        await nest.startAllMicroservices();
      },
    });
    const producer = await TestProducer.start({ ...env, DATABASE_NAME: producerDb.name }, 'contracts');
    return new ConsultationsWorld(app, config, app.get(TypeOrmDataSource), producer, async () => {
      await producer.close();
      await app.close();
      await cleanupIsolatedEnvironment(env, ['consultations']);
      await producerDb.drop();
      await db.drop();
    });
  }

  dispose(): Promise<void> {
    return this.cleanup();
  }

  token(caller: { roles: string[]; region?: string; org?: string }): Promise<string> {
    return testToken(this.config, caller);
  }

  admin(): Promise<string> {
    return this.token({ roles: ['admin'] });
  }

  direccte(region = BRETAGNE): Promise<string> {
    return this.token({ roles: ['direccte'], region });
  }

  /** A request as the caller of its token (`requestAs`). */
  request(...request: TestRequest): Promise<Reply> {
    return requestAs(this.app, ...request);
  }

  /** A command on an existing resource, with `If-Match` set to the version just read as admin. */
  async change(
    method: 'POST' | 'PATCH',
    readUrl: string,
    url: string,
    token: string,
    payload: unknown,
  ): Promise<Reply> {
    const read = await this.request('GET', readUrl, await this.admin());
    assert.equal(read.statusCode, 200, read.body);
    return this.request(method, url, token, payload, { 'if-match': String(read.headers.etag) });
  }

  /** Publishes an event as the agreements or contracts service would, through the producer's outbox. */
  publish<T extends PlatformEventType>(
    type: T,
    payload: PayloadInput<PlatformCatalogue, T>,
    aggregateId: string,
    aggregateVersion = 1,
  ) {
    return this.producer.publish(type, payload, { aggregateId, aggregateVersion, region: BRETAGNE });
  }

  /** Registers an organisation in the directory (as `organisation.registered`) and waits until it is known here. */
  async organisation(
    type: 'SSTI' | 'DIRECCTE' | 'CAISSE' | 'ARS' | 'CRPRP',
    name: string,
    region = BRETAGNE,
  ): Promise<string> {
    const id = randomUUID();
    await this.publish(
      'organisation.registered',
      {
        organisationId: id,
        type,
        name,
        regions: [region],
        contacts: [
          {
            name: 'Secrétariat',
            email: `contact-${id.slice(0, 8)}@example.org`,
            function: null,
            receivesNotifications: true,
          },
        ],
        caisseKind: type === 'CAISSE' ? 'CARSAT' : null,
        siret: null,
        service: null,
      },
      id,
    );
    await expectEventually(async () => {
      const rows = await this.dataSource.query('SELECT 1 FROM directory_organisations WHERE id = $1', [id]);
      assert.equal(rows.length, 1);
    });
    return id;
  }

  /** The Paris date on the platform clock. */
  today(): CalendarDate {
    return calendarDateAt(this.app.get(Clock).now());
  }

  /** Moves the shared platform clock forward; due deadlines then fire. */
  async advanceDays(days: number): Promise<void> {
    await this.app.get(ClockSync).advance(days * DAY_MS);
  }

  /** The events this service published about an aggregate, in order. */
  events(aggregateId: string): Promise<{ type: string; payload: Json }[]> {
    return this.dataSource.query(
      "SELECT type, envelope->'payload' AS payload FROM outbox WHERE aggregate_id = $1 ORDER BY seq",
      [aggregateId],
    );
  }

  /** The consultations of a CPOM, as stored. */
  consultations(
    contractId: string,
  ): Promise<{ id: string; contract_version: number; body_kind: string; status: string }[]> {
    return this.dataSource.query(
      'SELECT id, contract_version, body_kind, status FROM consultations WHERE contract_id = $1 ORDER BY contract_version, body_kind',
      [contractId],
    );
  }
}

/** A region's set-up: its DIRECCTE, Caisse, CRPRP secretariat, ARS, CRPST (with members) and ARS bodies, the plan. */
export interface RegionSetup {
  direccteId: string;
  caisseId: string;
  secretariatId: string;
  arsId: string;
  crpstId: string;
  arsBodyId: string;
  planId: string;
}

/** Sets up a region as its DIRECCTE would: the two bodies and the plan in force from 2022. */
export async function setUpRegion(world: ConsultationsWorld, region = BRETAGNE): Promise<RegionSetup> {
  const [direccteId, caisseId, secretariatId, arsId] = [
    await world.organisation('DIRECCTE', `DREETS ${region}`, region),
    await world.organisation('CAISSE', `CARSAT ${region}`, region),
    await world.organisation('CRPRP', `Secrétariat du CROCT ${region}`, region),
    await world.organisation('ARS', `ARS ${region}`, region),
  ];
  const token = await world.direccte(region);
  const body = async (kind: string, name: string, organisationId: string) => {
    const created = await world.request('POST', '/api/v1/bodies', token, {
      kind,
      region,
      name,
      organisationId,
      validFrom: '2022-04-01',
    });
    assert.equal(created.statusCode, 201, created.body);
    return created.json().id as string;
  };
  const crpstId = await body('CRPST', `CRPST ${region}`, secretariatId);
  const arsBodyId = await body('ARS', `ARS ${region}`, arsId);
  const plan = await world.request('POST', '/api/v1/consultation-plans', token, {
    region,
    validFrom: '2022-04-01',
    entries: [{ bodyId: crpstId }, { bodyId: arsBodyId }],
  });
  assert.equal(plan.statusCode, 201, plan.body);
  return { direccteId, caisseId, secretariatId, arsId, crpstId, arsBodyId, planId: plan.json().id };
}
