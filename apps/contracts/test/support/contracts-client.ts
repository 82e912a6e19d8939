import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { addDays, type CalendarDate, calendarDateAt } from '@tripartite/calendar';
import { Clock, ClockSync } from '@tripartite/clock';
import type { PlatformConfig } from '@tripartite/config';
import {
  expectEventually,
  type Json,
  type Reply,
  requestAs,
  type TestProducer,
  type TestRequest,
  testToken,
} from '@tripartite/testing';
import type { DataSource } from 'typeorm';
import { ServiceDirectory } from '../../src/directory/application/service-directory';
import { DirectoryFacts } from './directory-facts';

export type { Json, Reply } from '@tripartite/testing';

/** One region's parties as the directory knows them: an agreed SSTi, its DIRECCTE and competent Caisse. */
export interface Region {
  region: string;
  direccteId: string;
  caisseId: string;
  serviceId: string;
  serviceName: string;
  agreementId: string;
}

/** Talks to the contracts service over HTTP as the parties would, and plays the upstream services' events. */
export class ContractsClient {
  readonly facts: DirectoryFacts;

  constructor(
    readonly app: NestFastifyApplication,
    readonly config: PlatformConfig,
    readonly dataSource: DataSource,
    readonly producer: TestProducer,
  ) {
    this.facts = new DirectoryFacts(producer);
  }

  token(caller: { roles: string[]; region?: string; org?: string; sub?: string }): Promise<string> {
    return testToken(this.config, caller);
  }

  /** A person of one party of `region`'s CPOM. */
  party(region: Region, party: 'service' | 'direccte' | 'caisse', sub?: string): Promise<string> {
    const role = party === 'service' ? 'sst' : party;
    const org =
      party === 'service' ? region.serviceId : party === 'direccte' ? region.direccteId : region.caisseId;
    return this.token({ roles: [role], region: region.region, org, sub });
  }

  today(): CalendarDate {
    return calendarDateAt(this.app.get(Clock).now());
  }

  /** Moves platform time forward (the deadline reconciler runs when the clock moves). */
  async advanceDays(days: number): Promise<void> {
    await this.app.get(ClockSync).advance(days * 24 * 60 * 60 * 1000);
  }

  /** Signs a READY_TO_SIGN CPOM for the three parties; answers the last reply. */
  async signAll(
    region: Region,
    id: string,
    etag: unknown,
    signedOn: CalendarDate = this.today(),
  ): Promise<Reply> {
    let reply: Reply | null = null;
    let current = etag;
    for (const party of ['service', 'caisse', 'direccte'] as const) {
      reply = await this.sign(id, current, await this.party(region, party), { signedOn });
      assert.equal(reply.statusCode, 201, JSON.stringify(reply.json()));
      current = reply.headers.etag;
    }
    return reply as Reply;
  }

  /** A request as the caller of its token (`requestAs`). */
  request(...request: TestRequest): Promise<Reply> {
    return requestAs(this.app, ...request);
  }

  /** A region's DIRECCTE, Caisse and an SSTi agreed from a year ago for five years, known to the directory. */
  async region(
    region = '53',
    options: { btp?: boolean; type?: 'SSTI' | 'SSTA'; agreedFrom?: CalendarDate } = {},
  ): Promise<Region> {
    const direccteId = await this.facts.organisation({
      id: randomUUID(),
      type: 'DIRECCTE',
      name: `DIRECCTE ${region}`,
      regions: [region],
    });
    const caisseId = await this.facts.organisation({
      id: randomUUID(),
      type: 'CAISSE',
      name: `CARSAT ${region}`,
      regions: [region],
    });
    const serviceName = `SST ${randomUUID().slice(0, 8)}`;
    const serviceId = await this.facts.organisation({
      id: randomUUID(),
      type: options.type ?? 'SSTI',
      name: serviceName,
      regions: [region],
      caisseId,
      btp: options.btp ?? false,
    });
    const from = options.agreedFrom ?? addDays(this.today(), -365);
    const agreementId = await this.facts.granted(
      { id: serviceId, name: serviceName, regions: [region] },
      from,
      addDays(from, 5 * 365),
    );
    const directory = this.app.get(ServiceDirectory);
    await expectEventually(async () => {
      assert.ok(await directory.organisation(serviceId), 'the service is in the directory');
      assert.ok(await directory.isAgreedOn(serviceId, from), 'its agrément is known');
    });
    return { region, direccteId, caisseId, serviceId, serviceName, agreementId };
  }

  /** Opens a draft as the service; answers the reply. */
  async draft(region: Region, content: Json = completeContent(this.today()), token?: string): Promise<Reply> {
    return this.request('POST', '/api/v1/cpoms', token ?? (await this.party(region, 'service')), {
      serviceId: region.serviceId,
      direccteId: region.direccteId,
      caisseId: region.caisseId,
      ...content,
    });
  }

  async submit(id: string, etag: unknown, token: string): Promise<Reply> {
    return this.request('POST', `/api/v1/cpoms/${id}/submission`, token, undefined, {
      'if-match': String(etag),
    });
  }

  async sign(id: string, etag: unknown, token: string, body: Json): Promise<Reply> {
    return this.request('POST', `/api/v1/cpoms/${id}/signatures`, token, body, { 'if-match': String(etag) });
  }

  async get(id: string, token: string): Promise<Reply> {
    return this.request('GET', `/api/v1/cpoms/${id}`, token);
  }

  /** The consultations service's events: every body's opinion on `version`, then the completion. */
  async consult(
    cpom: { id: string; serviceId: string; regions: string[] },
    version: number,
    outcomes: ('favourable' | 'unfavourable' | 'reserved')[] = ['favourable', 'favourable'],
    on: CalendarDate = this.today(),
  ): Promise<void> {
    const opinions = outcomes.map((outcome, i) => ({
      consultationId: randomUUID(),
      bodyKind: i === 0 ? ('CRPST' as const) : ('ARS' as const),
      bodyName: i === 0 ? 'CRPST Bretagne' : 'ARS Bretagne',
      outcome,
      deliveredOn: on,
      text: outcome === 'favourable' ? 'Avis favorable' : 'Avis assorti de réserves sur les moyens',
    }));
    let aggregateVersion = 0;
    for (const opinion of opinions) {
      await this.producer.publish(
        'consultation.opinion_delivered',
        {
          ...opinion,
          contractId: cpom.id,
          contractVersion: version,
          serviceId: cpom.serviceId,
          regions: cpom.regions,
          bodyId: randomUUID(),
          consultedOrganisationId: randomUUID(),
          votes: null,
        },
        {
          aggregateId: opinion.consultationId,
          aggregateVersion: ++aggregateVersion,
          region: cpom.regions[0],
        },
      );
    }
    await this.producer.publish(
      'consultation.completed',
      {
        contractId: cpom.id,
        contractVersion: version,
        serviceId: cpom.serviceId,
        regions: cpom.regions,
        completedOn: on,
        opinions,
      },
      { aggregateId: cpom.id, aggregateVersion: 1, region: cpom.regions[0] },
    );
  }

  /** The events the contracts service wrote to its outbox for one CPOM, oldest first. */
  async eventsOf(contractId: string): Promise<{ type: string; payload: Json }[]> {
    return this.dataSource.query(
      "SELECT type, envelope->'payload' AS payload FROM outbox WHERE aggregate_id = $1 ORDER BY seq",
      [contractId],
    );
  }
}

/** A complete CPOM: one priority, one action with the three parties' commitments, an indicator, results. */
export function completeContent(start: CalendarDate, overrides: Json = {}): Json {
  const priorityId = randomUUID();
  return {
    periodStart: start,
    periodEnd: addDays(start, 365 * 3),
    context: {
      regionalDiagnosisId: null,
      commonReferences: { prst: 'PRST 4 Bretagne', cogAtmp: 'COG AT-MP 2023-2027' },
      localDiagnosis: 'Forte sinistralité TMS dans la logistique du bassin rennais',
    },
    priorities: [{ priorityId, title: 'Prévenir les TMS', origins: ['prst', 'service_project'] }],
    actions: [
      {
        actionId: randomUUID(),
        priorityId,
        title: 'Accompagner les entrepôts logistiques',
        theme: 'tms',
        commitments: {
          service: 'Réaliser 40 diagnostics ergonomiques par an',
          direccte: 'Fournir les données de sinistralité',
          caisse: 'Cibler les entreprises et cofinancer les aides',
        },
        means: [
          { party: 'caisse', code: 'company_targeting' },
          { party: 'direccte', text: 'Appui du service statistique régional' },
        ],
        indicators: [
          {
            indicatorId: randomUUID(),
            name: 'Entreprises accompagnées',
            kind: 'quantitative',
            purpose: 'result',
            unit: 'entreprises',
            baseline: 0,
            target: 40,
            direction: 'increase',
            frequency: 'yearly',
          },
        ],
        expectedResults: '40 entreprises accompagnées par an',
      },
    ],
    followUp: { reviewFrequency: 'yearly', bodiesInformed: ['cmt', 'board'] },
    annexes: [],
    ...overrides,
  };
}
