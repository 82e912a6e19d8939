import { Injectable } from '@nestjs/common';
import type { Period } from '@tripartite/http';
import { DataSource, type EntityManager, In } from 'typeorm';
import type { CoveringCaisse } from '../domain/competent-caisse.rule';
import { Organisation } from '../domain/organisation';
import { SiretAlreadyRegisteredError } from '../domain/organisation.errors';
import type { OrganisationType } from '../domain/organisation.types';
import { OrganisationOrmEntity } from './organisation.orm-entity';

const UNIQUE_VIOLATION = '23505';

export interface OrganisationFilter {
  type?: OrganisationType;
  region?: string;
  nameContains?: string;
  /** Registered on the platform within this period. */
  recorded?: Period;
  /** Only these regions (the reader's scope); undefined: all. */
  withinRegions?: readonly string[];
  /** Only this organisation (a service reading the directory sees itself); undefined: any. */
  onlyId?: string;
}

@Injectable()
export class OrganisationRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, organisation: Organisation, createdAt: Date): Promise<void> {
    const { organisationId, ...state } = organisation.snapshot();
    await this.guardSiret(
      manager.insert(OrganisationOrmEntity, {
        id: organisationId,
        ...state,
        version: organisation.version,
        createdAt,
      }),
      state.siret,
    );
  }

  /** Writes a changed organisation if nobody changed it since `expectedVersion`; false when someone did. */
  async update(
    manager: EntityManager,
    organisation: Organisation,
    expectedVersion: number,
  ): Promise<boolean> {
    const { organisationId, ...state } = organisation.snapshot();
    const result = await this.guardSiret(
      manager.update(
        OrganisationOrmEntity,
        { id: organisationId, version: expectedVersion },
        { ...state, version: organisation.version },
      ),
      state.siret,
    );
    return (result.affected ?? 0) === 1;
  }

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<Organisation | null> {
    const row = await manager.getRepository(OrganisationOrmEntity).findOneBy({ id });
    return row ? toOrganisation(row) : null;
  }

  async findMany(ids: readonly string[]): Promise<Organisation[]> {
    if (ids.length === 0) return [];
    const rows = await this.dataSource
      .getRepository(OrganisationOrmEntity)
      .findBy({ id: In([...new Set(ids)]) });
    return rows.map(toOrganisation);
  }

  /** The Caisses of the directory covering at least one of `regions` (a Caisse may cover two regions). */
  async caissesCovering(manager: EntityManager, regions: readonly string[]): Promise<CoveringCaisse[]> {
    const rows: { id: string; name: string; regions: string[] }[] = await manager.query(
      "SELECT id, name, regions FROM organisations WHERE type = 'CAISSE' AND regions && $1::text[] ORDER BY name, id",
      [[...regions]],
    );
    return rows;
  }

  async list(
    filter: OrganisationFilter,
    page: number,
    pageSize: number,
  ): Promise<{ items: Organisation[]; total: number }> {
    const query = this.dataSource.getRepository(OrganisationOrmEntity).createQueryBuilder('o');
    if (filter.type) query.andWhere('o.type = :type', { type: filter.type });
    if (filter.region) query.andWhere(':region = ANY(o.regions)', { region: filter.region });
    if (filter.nameContains)
      query.andWhere('o.name ILIKE :name', { name: `%${escapeLike(filter.nameContains)}%` });
    if (filter.recorded?.from) query.andWhere('o.created_at >= :from', { from: filter.recorded.from });
    if (filter.recorded?.to) query.andWhere('o.created_at < :to', { to: filter.recorded.to });
    if (filter.withinRegions) query.andWhere('o.regions && :within', { within: [...filter.withinRegions] });
    if (filter.onlyId) query.andWhere('o.id = :onlyId', { onlyId: filter.onlyId });
    const [rows, total] = await query
      .orderBy('o.name', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: rows.map(toOrganisation), total };
  }

  private async guardSiret<T>(write: Promise<T>, siret: string | null | undefined): Promise<T> {
    try {
      return await write;
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION && siret)
        throw new SiretAlreadyRegisteredError(siret);
      throw error;
    }
  }
}

function toOrganisation(row: OrganisationOrmEntity): Organisation {
  return Organisation.restore(
    {
      organisationId: row.id,
      type: row.type,
      name: row.name,
      regions: row.regions,
      contacts: row.contacts,
      caisseKind: row.caisseKind ?? null,
      siret: row.siret ?? null,
      // Rows written before the competent Caisse was recorded have none in their profile.
      service: row.service ? { ...row.service, caisseId: row.service.caisseId ?? null } : null,
    },
    row.version,
  );
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
