import { Injectable } from '@nestjs/common';
import type { CalendarDate } from '@tripartite/calendar';
import { offsetOf, type Period } from '@tripartite/http';
import { DataSource, type EntityManager } from 'typeorm';
import { Cpom } from '../domain/cpom';
import type { CpomStatus } from '../domain/cpom.types';
import { CpomOrmEntity } from './cpom.orm-entity';

export interface CpomFilter {
  region?: string;
  serviceId?: string;
  status?: CpomStatus;
  theme?: string;
  /** In force on this date: signed (or later), its period covering it. */
  inForceOn?: CalendarDate;
  /** Whose yearly review is past due on `today`. */
  reviewOverdue?: { today: CalendarDate };
  recorded?: Period;
  /** The reader's scope: regions (regional authorities), one party organisation, submitted ones only. */
  withinRegions?: readonly string[];
  partyOrganisationId?: string;
  submittedOnly?: boolean;
}

const IN_FORCE_STATUSES: readonly CpomStatus[] = ['SIGNED', 'EXPIRED', 'EVALUATED'];

@Injectable()
export class CpomRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, cpom: Cpom, now: Date): Promise<void> {
    await manager.insert(CpomOrmEntity, { ...rowOf(cpom), createdAt: now, updatedAt: now });
  }

  /** Writes a changed CPOM if nobody changed it since `expectedVersion`; false when someone did. */
  async save(manager: EntityManager, cpom: Cpom, expectedVersion: number, now: Date): Promise<boolean> {
    const result = await manager.update(
      CpomOrmEntity,
      { id: cpom.id, version: expectedVersion },
      { ...rowOf(cpom), updatedAt: now },
    );
    return (result.affected ?? 0) === 1;
  }

  /** With `lock`, the row stays locked until the caller's transaction ends. */
  async findById(
    id: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<Cpom | null> {
    const row = await manager.getRepository(CpomOrmEntity).findOne({
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    return row ? Cpom.restore(row.state, row.version) : null;
  }

  /** Serialises the commands that check a service's periods, until the transaction ends. */
  async lockService(manager: EntityManager, serviceId: string): Promise<void> {
    await manager.query("SELECT pg_advisory_xact_lock(hashtext('cpom'), hashtext($1))", [serviceId]);
  }

  /**
   * Another CPOM of the service, past its draft, whose period shares a day with this one: at most one CPOM
   * in force per service over any date (D.4622-47).
   */
  async overlapping(
    manager: EntityManager,
    serviceId: string,
    period: { periodStart: CalendarDate; periodEnd: CalendarDate },
    exceptId: string | null,
  ): Promise<{ id: string; periodStart: CalendarDate; periodEnd: CalendarDate; status: string } | null> {
    const rows = (await manager.query(
      `SELECT id, period_start::text AS "periodStart", period_end::text AS "periodEnd", status
         FROM cpoms
        WHERE service_id = $1 AND ($2::uuid IS NULL OR id <> $2::uuid) AND status <> 'DRAFT'
          AND period_start <= $4::date AND $3::date <= period_end
        ORDER BY period_start LIMIT 1`,
      [serviceId, exceptId, period.periodStart, period.periodEnd],
    )) as { id: string; periodStart: CalendarDate; periodEnd: CalendarDate; status: string }[];
    return rows[0] ?? null;
  }

  /** The service's signed CPOMs, locked for the caller's change. */
  async signedOfService(manager: EntityManager, serviceId: string): Promise<Cpom[]> {
    const rows = await manager.getRepository(CpomOrmEntity).find({
      where: { serviceId, status: 'SIGNED' },
      lock: { mode: 'pessimistic_write' },
    });
    return rows.map((row) => Cpom.restore(row.state, row.version));
  }

  async list(
    filter: CpomFilter,
    page: { page: number; pageSize: number },
  ): Promise<{ items: Cpom[]; total: number }> {
    const query = this.dataSource.getRepository(CpomOrmEntity).createQueryBuilder('c');
    if (filter.region) query.andWhere(':region = ANY(c.regions)', { region: filter.region });
    if (filter.serviceId) query.andWhere('c.serviceId = :serviceId', { serviceId: filter.serviceId });
    if (filter.status) query.andWhere('c.status = :status', { status: filter.status });
    if (filter.theme) query.andWhere(':theme = ANY(c.themes)', { theme: filter.theme });
    if (filter.inForceOn) {
      query.andWhere('c.status IN (:...inForce) AND c.periodStart <= :on AND c.periodEnd >= :on', {
        inForce: IN_FORCE_STATUSES,
        on: filter.inForceOn,
      });
    }
    if (filter.reviewOverdue) {
      query.andWhere("c.status = 'SIGNED' AND c.nextReviewDueOn < :today", {
        today: filter.reviewOverdue.today,
      });
    }
    if (filter.recorded?.from) query.andWhere('c.createdAt >= :from', { from: filter.recorded.from });
    if (filter.recorded?.to) query.andWhere('c.createdAt < :to', { to: filter.recorded.to });
    if (filter.withinRegions) query.andWhere('c.regions && :within', { within: [...filter.withinRegions] });
    if (filter.partyOrganisationId) {
      query.andWhere(':party IN (c.serviceId, c.direccteId, c.caisseId)', {
        party: filter.partyOrganisationId,
      });
    }
    if (filter.submittedOnly) query.andWhere('c.submitted');
    const [rows, total] = await query
      .orderBy('c.periodStart', 'DESC')
      .addOrderBy('c.id', 'ASC')
      .offset(offsetOf(page))
      .limit(page.pageSize)
      .getManyAndCount();
    return { items: rows.map((row) => Cpom.restore(row.state, row.version)), total };
  }
}

function rowOf(cpom: Cpom): Omit<CpomOrmEntity, 'createdAt' | 'updatedAt'> {
  const { state } = cpom;
  return {
    id: cpom.id,
    serviceId: state.parties.serviceId,
    direccteId: state.parties.direccteId,
    caisseId: state.parties.caisseId,
    regions: [...state.parties.regions],
    status: state.status,
    submitted: state.submittedVersion !== null || state.signedVersions.length > 0,
    periodStart: state.content.periodStart,
    periodEnd: state.content.periodEnd,
    themes: [...new Set(state.content.actions.map((action) => action.theme))],
    nextReviewDueOn: cpom.nextReviewDueOn,
    state: state as CpomOrmEntity['state'],
    version: cpom.version,
  };
}
