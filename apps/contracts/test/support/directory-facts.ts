import { randomUUID } from 'node:crypto';
import type { CalendarDate } from '@tripartite/calendar';
import type { TestProducer } from '@tripartite/testing';

/** An organisation as the agreements service's `organisation.*` events describe it. */
export interface OrganisationFacts {
  id: string;
  type: 'SSTI' | 'SSTA' | 'DIRECCTE' | 'CAISSE' | 'ARS' | 'CRPRP' | 'OPPBTP' | 'DGT' | 'DRP';
  name: string;
  regions: string[];
  caisseId?: string | null;
  btp?: boolean;
  employeesFollowed?: number;
}

const LIMITS = {
  maxEmployeesPerDoctor: 3_300,
  maxEmployeesPerTeam: 6_000,
  doctorsPerSector: [{ sector: 'Rennes', doctors: 14 }],
};

/** Publishes the directory's and the agréments' facts as the agreements service would. */
export class DirectoryFacts {
  private versions = new Map<string, number>();

  constructor(private readonly producer: TestProducer) {}

  private nextVersion(aggregateId: string): number {
    const next = (this.versions.get(aggregateId) ?? 0) + 1;
    this.versions.set(aggregateId, next);
    return next;
  }

  async organisation(
    facts: OrganisationFacts,
    type: 'organisation.registered' | 'organisation.updated' = 'organisation.registered',
    version?: number,
  ): Promise<string> {
    const isService = facts.type === 'SSTI' || facts.type === 'SSTA';
    await this.producer.publish(
      type,
      {
        organisationId: facts.id,
        type: facts.type,
        name: facts.name,
        regions: facts.regions,
        contacts: [],
        caisseKind: facts.type === 'CAISSE' ? 'CARSAT' : null,
        siret: null,
        service: isService
          ? {
              employeesFollowed: facts.employeesFollowed ?? 40_000,
              memberCompanies: 2_000,
              btp: facts.btp ?? false,
              sectors: [],
              caisseId: facts.caisseId ?? null,
            }
          : null,
      },
      {
        aggregateId: facts.id,
        aggregateVersion: version ?? this.nextVersion(facts.id),
        region: facts.regions[0] ?? null,
      },
    );
    return facts.id;
  }

  /** A granted agrément of the service from `validFrom` to `validUntil`; answers its id. */
  async granted(
    service: { id: string; name: string; regions: string[] },
    validFrom: CalendarDate,
    validUntil: CalendarDate,
    agreementId: string = randomUUID(),
  ): Promise<string> {
    await this.producer.publish(
      'agreement.granted',
      {
        ...this.subject(service, agreementId),
        decidedOn: validFrom,
        validFrom,
        validUntil,
        conditional: false,
        complianceCommitment: null,
        limits: LIMITS,
        derogations: [],
        employeesFollowed: 40_000,
        renewalOf: null,
      },
      {
        aggregateId: agreementId,
        aggregateVersion: this.nextVersion(agreementId),
        region: service.regions[0],
      },
    );
    return agreementId;
  }

  async withdrawn(
    service: { id: string; name: string; regions: string[] },
    agreementId: string,
    on: CalendarDate,
  ) {
    await this.producer.publish(
      'agreement.withdrawn',
      {
        ...this.subject(service, agreementId),
        withdrawnOn: on,
        grounds: 'no_cpom',
        text: 'Retrait après mise en demeure',
        memberCompaniesToInform: true,
      },
      {
        aggregateId: agreementId,
        aggregateVersion: this.nextVersion(agreementId),
        region: service.regions[0],
      },
    );
  }

  async shortened(
    service: { id: string; name: string; regions: string[] },
    agreementId: string,
    previousValidUntil: CalendarDate,
    validUntil: CalendarDate,
    version?: number,
  ) {
    await this.producer.publish(
      'agreement.shortened',
      {
        ...this.subject(service, agreementId),
        decidedOn: validUntil,
        previousValidUntil,
        validUntil,
        grounds: 'prescriptions_not_met',
        text: 'Réduction de la durée',
        memberCompaniesToInform: true,
      },
      {
        aggregateId: agreementId,
        aggregateVersion: version ?? this.nextVersion(agreementId),
        region: service.regions[0],
      },
    );
  }

  async refusedRenewal(service: { id: string; name: string; regions: string[] }, on: CalendarDate) {
    const agreementId = randomUUID();
    await this.producer.publish(
      'agreement.refused',
      {
        ...this.subject(service, agreementId),
        decidedOn: on,
        reasons: 'Prescriptions non respectées',
        renewalExamination: {
          cpom: { exists: true, documentId: null, assessment: 'Mise en œuvre partielle' },
          serviceProject: { exists: false, note: null },
        },
      },
      {
        aggregateId: agreementId,
        aggregateVersion: this.nextVersion(agreementId),
        region: service.regions[0],
      },
    );
    return agreementId;
  }

  async expired(
    service: { id: string; name: string; regions: string[] },
    agreementId: string,
    validUntil: CalendarDate,
    renewedBy: string | null = null,
    version?: number,
  ) {
    await this.producer.publish(
      'agreement.expired',
      { ...this.subject(service, agreementId), validUntil, renewedBy },
      {
        aggregateId: agreementId,
        aggregateVersion: version ?? this.nextVersion(agreementId),
        region: service.regions[0],
      },
    );
  }

  private subject(service: { id: string; name: string; regions: string[] }, agreementId: string) {
    return {
      agreementId,
      serviceId: service.id,
      serviceName: service.name,
      regions: service.regions,
      serviceType: 'SSTI' as const,
      caisseId: null,
    };
  }
}
