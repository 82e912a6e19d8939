import { randomUUID } from 'node:crypto';
import type { PayloadOf } from '@tripartite/events';
import { AmqpEventTransport } from '@tripartite/messaging';
import { testToken } from '@tripartite/testing';
import type { StartedIndicators } from './indicators-app';

/** A JSON answer read field by field, as a client would. */
// biome-ignore lint/suspicious/noExplicitAny: a test reads nested fields of arbitrary answers.
export type Json = Record<string, any>;

export interface Reply {
  statusCode: number;
  headers: Record<string, unknown>;
  body: string;
  rawPayload: Buffer;
  json(): Json;
}

export interface CpomParties {
  serviceId: string;
  caisseId: string;
  direccteId: string;
  region: string;
}

/** The content of a CPOM as `contract.signed` carries it: one priority, two actions, three indicators. */
export function cpomContent(contentVersion = 1) {
  const priorityId = randomUUID();
  const tms = randomUUID();
  const road = randomUUID();
  const indicators = {
    /** Quantitative, yearly, from 10 % toward 50 %. */
    coverage: randomUUID(),
    /** Quantitative, half-yearly, from 100 down to 60. */
    accidents: randomUUID(),
    /** Qualitative, yearly. */
    assessment: randomUUID(),
  };
  return {
    indicators,
    actions: { tms, road },
    payload: {
      contentVersion,
      contentHash: 'a'.repeat(64),
      priorities: [{ priorityId, title: 'Prévenir les TMS', origins: ['service_project' as const] }],
      actions: [
        {
          actionId: tms,
          priorityId,
          title: 'Sensibiliser aux TMS',
          theme: 'tms',
          expectedResults: 'Moins de TMS',
        },
        {
          actionId: road,
          priorityId,
          title: 'Réduire le risque routier',
          theme: 'risque_routier',
          expectedResults: 'Moins d’accidents',
        },
      ],
      indicators: [
        {
          indicatorId: indicators.coverage,
          actionId: tms,
          name: 'Part des entreprises sensibilisées',
          kind: 'quantitative' as const,
          purpose: 'result' as const,
          unit: '%',
          baseline: 10,
          target: 50,
          direction: 'increase' as const,
          frequency: 'yearly' as const,
        },
        {
          indicatorId: indicators.accidents,
          actionId: road,
          name: 'Accidents de trajet',
          kind: 'quantitative' as const,
          purpose: 'result' as const,
          unit: 'accidents',
          baseline: 100,
          target: 60,
          direction: 'decrease' as const,
          frequency: 'half_yearly' as const,
        },
        {
          indicatorId: indicators.assessment,
          actionId: tms,
          name: 'Appréciation des entreprises',
          kind: 'qualitative' as const,
          purpose: 'follow_up' as const,
          unit: null,
          baseline: null,
          target: null,
          direction: null,
          frequency: 'yearly' as const,
        },
      ],
    },
  };
}

/** Publishes the other services' facts, talks to the indicators service over HTTP, reads its figures. */
export class IndicatorsWorld {
  constructor(readonly started: StartedIndicators) {}

  token(caller: { roles: string[]; region?: string; org?: string; sub?: string }): Promise<string> {
    return testToken(this.started.config, caller);
  }

  national(): Promise<string> {
    return this.token({ roles: ['national'], sub: 'dgt' });
  }

  async request(
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    token: string | null,
    payload?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply> {
    return (await this.started.app.inject({
      method,
      url,
      payload: payload as object,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    })) as unknown as Reply;
  }

  /** How many events the service has taken as duplicates (already in its inbox). */
  duplicates(): number {
    return this.started.app.get(AmqpEventTransport).outcomes.duplicate;
  }

  /** An SSTi in the directory, with its competent Caisse and the employees it follows. */
  async service(region = '53', employeesFollowed = 10_000): Promise<CpomParties> {
    const parties = { serviceId: randomUUID(), caisseId: randomUUID(), direccteId: randomUUID(), region };
    await this.started.agreements.publish(
      'organisation.registered',
      {
        organisationId: parties.serviceId,
        type: 'SSTI',
        name: `SSTI ${parties.serviceId.slice(0, 8)}`,
        regions: [region],
        contacts: [],
        caisseKind: null,
        siret: null,
        service: {
          employeesFollowed,
          memberCompanies: 100,
          btp: false,
          sectors: [],
          caisseId: parties.caisseId,
        },
      },
      { aggregateId: parties.serviceId, aggregateVersion: 1, region },
    );
    return parties;
  }

  async grant(
    parties: CpomParties,
    validity: { validFrom: string; validUntil: string; conditional?: boolean },
  ): Promise<string> {
    const agreementId = randomUUID();
    const payload: PayloadOf<'agreement.granted'> = {
      agreementId,
      serviceId: parties.serviceId,
      serviceName: 'SSTI',
      regions: [parties.region],
      serviceType: 'SSTI',
      caisseId: parties.caisseId,
      decidedOn: validity.validFrom,
      validFrom: validity.validFrom,
      validUntil: validity.validUntil,
      conditional: validity.conditional ?? false,
      complianceCommitment: validity.conditional
        ? { description: 'Mise en conformité', dueOn: validity.validUntil }
        : null,
      limits: { maxEmployeesPerDoctor: 3_300, maxEmployeesPerTeam: null, doctorsPerSector: [] },
      derogations: [],
      employeesFollowed: null,
      renewalOf: null,
    };
    await this.started.agreements.publish('agreement.granted', payload, {
      aggregateId: agreementId,
      aggregateVersion: 2,
      region: parties.region,
    });
    return agreementId;
  }

  async protocol(parties: CpomParties, startsOn: string): Promise<void> {
    const protocolId = randomUUID();
    await this.started.contracts.publish(
      'partnership_protocol.concluded',
      {
        protocolId,
        serviceId: parties.serviceId,
        caisseId: parties.caisseId,
        direccteId: parties.direccteId,
        regions: [parties.region],
        themes: ['desinsertion_professionnelle'],
        concludedOn: startsOn,
        startsOn,
        endsOn: null,
      },
      { aggregateId: protocolId, aggregateVersion: 2, region: parties.region },
    );
  }

  /** A CPOM signed by its three parties (with the content given), as the contracts service publishes it. */
  async signCpom(
    parties: CpomParties,
    options: { periodStart?: string; periodEnd?: string; aggregateVersion?: number } = {},
  ): Promise<{ contractId: string; content: ReturnType<typeof cpomContent> }> {
    const contractId = randomUUID();
    const content = cpomContent();
    await this.started.contracts.publish(
      'contract.signed',
      {
        contractId,
        ...this.subject(parties),
        periodStart: options.periodStart ?? '2025-01-01',
        periodEnd: options.periodEnd ?? '2029-12-31',
        signedOn: options.periodStart ?? '2025-01-01',
        ...content.payload,
      },
      { aggregateId: contractId, aggregateVersion: options.aggregateVersion ?? 5, region: parties.region },
    );
    return { contractId, content };
  }

  /**
   * A CPOM signed before the region joined, recorded as existing: `contract.recorded` as the contracts service
   * publishes it, `signed` while its period runs, `expired` once it has ended.
   */
  async recordCpom(
    parties: CpomParties,
    options: { periodStart: string; periodEnd: string; status: 'signed' | 'expired' },
  ): Promise<{ contractId: string; content: ReturnType<typeof cpomContent> }> {
    const contractId = randomUUID();
    const content = cpomContent();
    await this.started.contracts.publish(
      'contract.recorded',
      {
        contractId,
        ...this.subject(parties),
        periodStart: options.periodStart,
        periodEnd: options.periodEnd,
        signedOn: options.periodStart,
        ...content.payload,
        status: options.status,
        reference: `CPOM-${parties.region}-${options.periodStart.slice(0, 4)}`,
      },
      { aggregateId: contractId, aggregateVersion: 2, region: parties.region },
    );
    return { contractId, content };
  }

  /** A CPOM still being prepared (drafted): no indicator can be reported on it. */
  async draftCpom(parties: CpomParties): Promise<string> {
    const contractId = randomUUID();
    await this.started.contracts.publish(
      'contract.drafted',
      {
        contractId,
        ...this.subject(parties),
        periodStart: '2025-01-01',
        periodEnd: '2029-12-31',
        draftedOn: '2024-09-01',
      },
      { aggregateId: contractId, aggregateVersion: 1, region: parties.region },
    );
    return contractId;
  }

  subject(parties: CpomParties) {
    return {
      serviceId: parties.serviceId,
      regions: [parties.region],
      caisseId: parties.caisseId,
      direccteId: parties.direccteId,
    };
  }

  async cpomStatus(contractId: string): Promise<string | undefined> {
    const rows: { status: string }[] = await this.started.dataSource.query(
      'SELECT status FROM ind_cpoms WHERE contract_id = $1',
      [contractId],
    );
    return rows[0]?.status;
  }

  async regional(region: string, token?: string, query = ''): Promise<Json> {
    const response = await this.request(
      'GET',
      `/api/v1/dashboards/regions/${region}${query}`,
      token ?? (await this.national()),
    );
    if (response.statusCode !== 200) throw new Error(`${response.statusCode}: ${response.body}`);
    return response.json();
  }
}
