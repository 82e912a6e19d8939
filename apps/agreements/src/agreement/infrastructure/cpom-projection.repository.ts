import { Injectable } from '@nestjs/common';
import type { CalendarDate } from '@tripartite/calendar';
import { DataSource, type EntityManager } from 'typeorm';
import { CpomProjectionOrmEntity, type DatedNote } from './cpom-projection.orm-entity';

type CpomFacts = Partial<Omit<CpomProjectionOrmEntity, 'contractId' | 'serviceId' | 'regions' | 'updatedAt'>>;

/**
 * The CPOM projection. Each write merges one event's facts into the row (created by whichever event
 * comes first), keeping the latest review and the highest amendment number, so a replay or a
 * redelivery leaves the same row.
 */
@Injectable()
export class CpomProjectionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async merge(
    manager: EntityManager,
    contract: { contractId: string; serviceId: string; regions: readonly string[] },
    facts: CpomFacts,
    at: Date,
  ): Promise<void> {
    const repository = manager.getRepository(CpomProjectionOrmEntity);
    const existing = await repository.findOne({
      where: { contractId: contract.contractId },
      lock: { mode: 'pessimistic_write' },
    });
    const row: CpomProjectionOrmEntity = existing ?? {
      contractId: contract.contractId,
      serviceId: contract.serviceId,
      regions: [...contract.regions],
      signedOn: null,
      periodStart: null,
      periodEnd: null,
      amendments: 0,
      latestReview: null,
      finalEvaluation: null,
      updatedAt: at,
    };
    const merged: CpomProjectionOrmEntity = {
      ...row,
      ...definedOnly(facts),
      amendments: Math.max(row.amendments, facts.amendments ?? 0),
      latestReview: later(row.latestReview, facts.latestReview ?? null),
      updatedAt: at,
    };
    await repository.save(merged);
  }

  /** The service's CPOM in force on `date`, else its latest one; null when none is known. */
  async currentForService(serviceId: string, date: CalendarDate): Promise<CpomProjectionOrmEntity | null> {
    return this.dataSource
      .getRepository(CpomProjectionOrmEntity)
      .createQueryBuilder('c')
      .where('c.service_id = :serviceId', { serviceId })
      .orderBy('CASE WHEN c.period_start <= :date AND c.period_end >= :date THEN 0 ELSE 1 END', 'ASC')
      .addOrderBy('c.period_start', 'DESC', 'NULLS LAST')
      .setParameter('date', date)
      .getOne();
  }
}

function definedOnly(facts: CpomFacts): CpomFacts {
  return Object.fromEntries(Object.entries(facts).filter(([, value]) => value !== undefined)) as CpomFacts;
}

function later(a: DatedNote | null, b: DatedNote | null): DatedNote | null {
  if (!a) return b;
  if (!b) return a;
  return b.on >= a.on ? b : a;
}
