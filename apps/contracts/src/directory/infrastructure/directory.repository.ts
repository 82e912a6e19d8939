import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AgreementStanding } from '../domain/agreement-standing';
import type { DirectoryOrganisation } from '../domain/directory-organisation';
import { DirectoryAgreementOrmEntity } from './directory-agreement.orm-entity';
import { DirectoryOrganisationOrmEntity } from './directory-organisation.orm-entity';

/** The directory projection's rows. Writes go through the consumer's transaction (`ctx.manager`). */
@Injectable()
export class DirectoryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Stores the organisation unless the stored state comes from the same or a newer version (events of one
   * organisation may arrive out of order; the newest state wins). Answers whether the row changed.
   */
  async upsertOrganisationIfNewer(
    manager: EntityManager,
    organisation: DirectoryOrganisation,
    at: Date,
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO directory_organisations (id, type, name, regions, caisse_id, btp, employees_followed, version, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (id) DO UPDATE SET
         type = EXCLUDED.type, name = EXCLUDED.name, regions = EXCLUDED.regions, caisse_id = EXCLUDED.caisse_id,
         btp = EXCLUDED.btp, employees_followed = EXCLUDED.employees_followed, version = EXCLUDED.version,
         updated_at = EXCLUDED.updated_at
       WHERE directory_organisations.version < EXCLUDED.version
       RETURNING id`,
      [
        organisation.id,
        organisation.type,
        organisation.name,
        organisation.regions,
        organisation.caisseId,
        organisation.btp,
        organisation.employeesFollowed,
        organisation.version,
        at,
      ],
    );
    return rows.length > 0;
  }

  async organisation(id: string, manager?: EntityManager): Promise<DirectoryOrganisation | null> {
    const row = await (manager ?? this.dataSource.manager)
      .getRepository(DirectoryOrganisationOrmEntity)
      .findOneBy({ id });
    return row ? toOrganisation(row) : null;
  }

  async organisations(ids: readonly string[], manager?: EntityManager): Promise<DirectoryOrganisation[]> {
    if (ids.length === 0) return [];
    const rows = await (manager ?? this.dataSource.manager)
      .getRepository(DirectoryOrganisationOrmEntity)
      .createQueryBuilder('o')
      .where('o.id = ANY(:ids)', { ids })
      .getMany();
    return rows.map(toOrganisation);
  }

  /** The agrément's standing, locked for the consumer's update; null when no fact of it arrived yet. */
  async lockAgreement(manager: EntityManager, agreementId: string): Promise<AgreementStanding | null> {
    const row = await manager.getRepository(DirectoryAgreementOrmEntity).findOne({
      where: { agreementId },
      lock: { mode: 'pessimistic_write' },
    });
    return row ? toStanding(row) : null;
  }

  async saveAgreement(manager: EntityManager, standing: AgreementStanding, at: Date): Promise<void> {
    await manager.getRepository(DirectoryAgreementOrmEntity).save({ ...standing, updatedAt: at });
  }

  /** Every agrément the directory knows of a service, oldest first. */
  async agreementsOf(serviceId: string, manager?: EntityManager): Promise<AgreementStanding[]> {
    const rows = await (manager ?? this.dataSource.manager)
      .getRepository(DirectoryAgreementOrmEntity)
      .createQueryBuilder('a')
      .where('a.service_id = :serviceId', { serviceId })
      .orderBy('a.valid_from', 'ASC', 'NULLS LAST')
      .addOrderBy('a.agreement_id', 'ASC')
      .getMany();
    return rows.map(toStanding);
  }
}

function toOrganisation(row: DirectoryOrganisationOrmEntity): DirectoryOrganisation {
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    regions: row.regions,
    caisseId: row.caisseId,
    btp: row.btp,
    employeesFollowed: row.employeesFollowed,
    version: row.version,
  };
}

function toStanding(row: DirectoryAgreementOrmEntity): AgreementStanding {
  return {
    agreementId: row.agreementId,
    serviceId: row.serviceId,
    status: row.status,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    withdrawnOn: row.withdrawnOn,
    refusedAtRenewal: row.refusedAtRenewal,
    renewedBy: row.renewedBy,
    version: row.version,
  };
}
