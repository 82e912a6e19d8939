import { Injectable } from '@nestjs/common';
import { addDays } from '@tripartite/calendar';
import type { EventEnvelope } from '@tripartite/events';
import type { EntityManager } from 'typeorm';

export interface ServiceFacts {
  serviceId: string;
  type: string | null;
  name: string;
  regions: readonly string[];
  caisseId: string | null;
  employeesFollowed: number | null;
}

export interface AgreementFacts {
  agreementId: string;
  serviceId: string;
  regions: readonly string[];
  status: 'requested' | 'granted' | 'refused' | 'withdrawn' | 'expired';
  validFrom?: string;
  validUntil?: string;
  conditional?: boolean;
}

/**
 * The per-entity rows of the steering figures other than CPOMs (seed 002 I.2: "nombre de projets pluriannuels
 * de service, nombre de services agréés, nombre de salariés couverts"; seed 000: partnership protocols): each
 * with its dates, so a dashboard sums them at any date with an indexed query. Each row applies its
 * aggregate's facts in `aggregateVersion` order: an older fact is ignored.
 */
@Injectable()
export class DirectoryProjection {
  /** The region a service is counted in, if it is known. */
  async regionOf(manager: EntityManager, serviceId: string): Promise<string | null> {
    const rows: { region: string }[] = await manager.query(
      'SELECT region FROM ind_services WHERE service_id = $1',
      [serviceId],
    );
    return rows[0]?.region ?? null;
  }

  /** The directory's view of a service (organisation events): authoritative for type, regions, Caisse and staff. */
  async applyDirectory(manager: EntityManager, envelope: EventEnvelope, facts: ServiceFacts): Promise<void> {
    await manager.query(
      `INSERT INTO ind_services (service_id, type, name, region, regions, caisse_id, employees_followed, directory_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (service_id) DO UPDATE SET
         type = EXCLUDED.type, name = EXCLUDED.name, region = EXCLUDED.region, regions = EXCLUDED.regions,
         caisse_id = EXCLUDED.caisse_id, employees_followed = EXCLUDED.employees_followed,
         directory_version = EXCLUDED.directory_version
       WHERE ind_services.directory_version < EXCLUDED.directory_version`,
      [
        facts.serviceId,
        facts.type,
        facts.name,
        facts.regions[0],
        facts.regions,
        facts.caisseId,
        facts.employeesFollowed ?? 0,
        envelope.aggregateVersion,
      ],
    );
  }

  /**
   * What an agrément or service-project event says of its service, kept only while the directory's own event
   * has not arrived (events of different aggregates may come in any order).
   */
  async noteService(manager: EntityManager, facts: ServiceFacts): Promise<void> {
    await manager.query(
      `INSERT INTO ind_services (service_id, type, name, region, regions, caisse_id, employees_followed)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (service_id) DO UPDATE SET
         type = COALESCE(EXCLUDED.type, ind_services.type),
         caisse_id = COALESCE(EXCLUDED.caisse_id, ind_services.caisse_id),
         employees_followed = CASE WHEN $8 THEN EXCLUDED.employees_followed ELSE ind_services.employees_followed END
       WHERE ind_services.directory_version < 0`,
      [
        facts.serviceId,
        facts.type,
        facts.name,
        facts.regions[0],
        facts.regions,
        facts.caisseId,
        facts.employeesFollowed ?? 0,
        facts.employeesFollowed !== null,
      ],
    );
  }

  async applyAgreement(
    manager: EntityManager,
    envelope: EventEnvelope,
    facts: AgreementFacts,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO ind_agreements (agreement_id, service_id, region, status, valid_from, valid_until, conditional, aggregate_version)
       VALUES ($1, $2, $3, $4, $5, $6, COALESCE($7, false), $8)
       ON CONFLICT (agreement_id) DO UPDATE SET
         status = EXCLUDED.status,
         valid_from = COALESCE(EXCLUDED.valid_from, ind_agreements.valid_from),
         valid_until = COALESCE(EXCLUDED.valid_until, ind_agreements.valid_until),
         conditional = COALESCE($7, ind_agreements.conditional),
         aggregate_version = EXCLUDED.aggregate_version
       WHERE ind_agreements.aggregate_version < EXCLUDED.aggregate_version`,
      [
        facts.agreementId,
        facts.serviceId,
        facts.regions[0],
        facts.status,
        facts.validFrom ?? null,
        facts.validUntil ?? null,
        facts.conditional ?? null,
        envelope.aggregateVersion,
      ],
    );
  }

  /** A withdrawal ends the agrément the day before it takes effect (D.4622-51 2°). */
  withdrawnUntil(withdrawnOn: string): string {
    return addDays(withdrawnOn, -1);
  }

  async applyServiceProject(
    manager: EntityManager,
    envelope: EventEnvelope,
    facts: {
      projectId: string;
      serviceId: string;
      regions: readonly string[];
      periodEnd: string;
      approvedOn?: string;
      withdrawn?: boolean;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO ind_service_projects (project_id, service_id, region, approved_on, period_end, withdrawn, aggregate_version)
       VALUES ($1, $2, $3, $4, $5, COALESCE($6, false), $7)
       ON CONFLICT (project_id) DO UPDATE SET
         approved_on = COALESCE(ind_service_projects.approved_on, EXCLUDED.approved_on),
         period_end = CASE WHEN $4::date IS NOT NULL THEN EXCLUDED.period_end ELSE ind_service_projects.period_end END,
         withdrawn = COALESCE($6, ind_service_projects.withdrawn),
         aggregate_version = EXCLUDED.aggregate_version
       WHERE ind_service_projects.aggregate_version < EXCLUDED.aggregate_version`,
      [
        facts.projectId,
        facts.serviceId,
        facts.regions[0],
        facts.approvedOn ?? null,
        facts.periodEnd,
        facts.withdrawn ?? null,
        envelope.aggregateVersion,
      ],
    );
  }

  async applyProtocol(
    manager: EntityManager,
    envelope: EventEnvelope,
    facts: {
      protocolId: string;
      serviceId: string;
      caisseId: string;
      regions: readonly string[];
      concludedOn?: string;
      startsOn?: string;
      endsOn?: string | null;
      endedOn?: string;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO ind_protocols (protocol_id, service_id, caisse_id, region, concluded_on, starts_on, ends_on, ended_on, aggregate_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (protocol_id) DO UPDATE SET
         concluded_on = COALESCE(EXCLUDED.concluded_on, ind_protocols.concluded_on),
         starts_on = COALESCE(EXCLUDED.starts_on, ind_protocols.starts_on),
         ends_on = CASE WHEN EXCLUDED.concluded_on IS NOT NULL THEN EXCLUDED.ends_on ELSE ind_protocols.ends_on END,
         ended_on = COALESCE(EXCLUDED.ended_on, ind_protocols.ended_on),
         aggregate_version = EXCLUDED.aggregate_version
       WHERE ind_protocols.aggregate_version < EXCLUDED.aggregate_version`,
      [
        facts.protocolId,
        facts.serviceId,
        facts.caisseId,
        facts.regions[0],
        facts.concludedOn ?? null,
        facts.startsOn ?? null,
        facts.endsOn ?? null,
        facts.endedOn ?? null,
        envelope.aggregateVersion,
      ],
    );
  }
}
