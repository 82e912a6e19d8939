import assert from 'node:assert/strict';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { addDays, addMonths, type CalendarDate, calendarDateAt } from '@tripartite/calendar';
import type { PlatformConfig } from '@tripartite/config';
import { type Json, type Reply, requestAs, type TestRequest, testToken } from '@tripartite/testing';
import type { DataSource } from 'typeorm';
import { siretWithKey } from '../../src/organisation/domain/siret.rule';

let serial = 0;

export const LIMITS = {
  maxEmployeesPerDoctor: 3_300,
  maxEmployeesPerTeam: 6_000,
  doctorsPerSector: [{ sector: 'Rennes', doctors: 14 }],
};

/** A renewal decision's examination when the service had neither CPOM nor service project (seed 002 I.1). */
export const NOTHING_TO_EXAMINE = {
  cpom: { exists: false, note: 'Aucun CPOM conclu' },
  serviceProject: { exists: false, note: null },
};

export type { Json, Reply } from '@tripartite/testing';

/** Talks to the agreements service over HTTP as the parties would, and reads what it wrote. */
export class AgreementsClient {
  constructor(
    readonly app: NestFastifyApplication,
    readonly config: PlatformConfig,
    readonly dataSource: DataSource,
  ) {}

  token(caller: { roles: string[]; region?: string; org?: string }): Promise<string> {
    return testToken(this.config, caller);
  }

  direccte(region = '53'): Promise<string> {
    return this.token({ roles: ['direccte'], region });
  }

  admin(): Promise<string> {
    return this.token({ roles: ['admin'] });
  }

  /** A request as the caller of its token (`requestAs`). */
  request(...request: TestRequest): Promise<Reply> {
    return requestAs(this.app, ...request);
  }

  /** Registers an inter-company service in the directory; answers its id. */
  async registerService(name: string, regions = ['53']): Promise<string> {
    const response = await this.request('POST', '/api/v1/organisations', await this.direccte(regions[0]), {
      type: 'SSTI',
      name,
      regions,
      contacts: [
        {
          name: 'Direction',
          email: 'direction@example.org',
          function: 'directeur',
          receivesNotifications: true,
        },
      ],
      siret: siretWithKey(`41234${String(serial++).padStart(8, '0')}`),
      service: { employeesFollowed: 52_000, memberCompanies: 4_100, btp: false, sectors: ['Rennes'] },
    });
    assert.equal(response.statusCode, 201, JSON.stringify(response.json()));
    return response.json().id;
  }

  /** The Paris date on the platform clock. */
  async today(): Promise<CalendarDate> {
    const response = await this.request('GET', '/api/v1/admin/clock', await this.admin());
    return calendarDateAt(new Date(response.json().now));
  }

  async advanceDays(days: number): Promise<void> {
    const response = await this.request('POST', '/api/v1/admin/clock/advance', await this.admin(), { days });
    assert.equal(response.statusCode, 200, JSON.stringify(response.json()));
  }

  async file(
    serviceId: string,
    filedOn: CalendarDate,
    application = 'first',
    token?: string,
  ): Promise<Reply> {
    return this.request('POST', '/api/v1/agreements', token ?? (await this.direccte()), {
      serviceId,
      application,
      filedOn,
    });
  }

  /**
   * A command on an agrément, sent as a client does: with `If-Match` set to the version it has just read
   * (every change requires it), unless the test gives its own (`'if-match': ''` sends none, for the 428).
   */
  async post(
    id: string,
    action: string,
    body: unknown,
    token?: string,
    headers: Record<string, string> = {},
  ) {
    const { 'if-match': ifMatch, ...others } = headers;
    const version = ifMatch ?? (await this.etagOf(id));
    return this.request(
      'POST',
      `/api/v1/agreements/${id}/${action}`,
      token ?? (await this.direccte()),
      body,
      { ...others, ...(version ? { 'if-match': version } : {}) },
    );
  }

  /** The ETag of the agrément as it stands (read as admin), or none if it cannot be read. */
  async etagOf(id: string): Promise<string | undefined> {
    const read = await this.request('GET', `/api/v1/agreements/${id}`, await this.admin());
    return read.statusCode === 200 ? String(read.headers.etag) : undefined;
  }

  /** Records the inspector's opinion on the application `id`, given on `on` (checked: 200). */
  async opinion(
    id: string,
    verdict: 'favourable' | 'reserved' | 'unfavourable',
    on: CalendarDate,
    text: string,
  ): Promise<void> {
    const opinion = await this.post(id, 'inspector-opinion', { verdict, givenOn: on, text });
    assert.equal(opinion.statusCode, 200, JSON.stringify(opinion.json()));
  }

  /** Files, records a favourable opinion and grants, all on `on`; answers the agrément. */
  async grantedAgreement(serviceId: string, on: CalendarDate, validFrom = on): Promise<Json> {
    const filed = await this.file(serviceId, on);
    assert.equal(filed.statusCode, 201, JSON.stringify(filed.json()));
    const id = filed.json().id;
    await this.opinion(id, 'favourable', on, 'Avis favorable');
    const decided = await this.post(id, 'decision', {
      outcome: 'granted',
      decidedOn: on,
      validFrom,
      limits: LIMITS,
    });
    assert.equal(decided.statusCode, 200, JSON.stringify(decided.json()));
    return decided.json();
  }

  /** Drafts a service project of four years from `periodStart`, as the service itself; answers the reply. */
  async draftServiceProject(serviceId: string, periodStart: CalendarDate, token: string): Promise<Reply> {
    const drafted = await this.request('POST', '/api/v1/service-projects', token, {
      serviceId,
      title: 'Projet de service 2026-2030',
      periodStart,
      periodEnd: addDays(addMonths(periodStart, 48), -1),
      diagnosis: 'Diagnostic territorial partagé',
      priorities: [{ title: 'Prévention des TMS', description: 'Actions en entreprise' }],
    });
    assert.equal(drafted.statusCode, 201, JSON.stringify(drafted.json()));
    return drafted;
  }

  /** The events this agrément published, in order. */
  async events(aggregateId: string): Promise<{ type: string; payload: Json }[]> {
    return this.dataSource.query(
      "SELECT type, envelope->'payload' AS payload FROM outbox WHERE aggregate_id = $1 ORDER BY seq",
      [aggregateId],
    );
  }

  async eventTypes(aggregateId: string): Promise<string[]> {
    return (await this.events(aggregateId)).map((e) => e.type);
  }

  async pendingDeadlines(subjectId: string): Promise<{ kind: string; due_at: Date }[]> {
    return this.dataSource.query(
      "SELECT kind, due_at FROM deadlines WHERE subject_id = $1 AND status = 'pending' ORDER BY due_at",
      [subjectId],
    );
  }
}
