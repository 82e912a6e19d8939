import { Injectable } from '@nestjs/common';
import type { CalendarDate } from '@tripartite/calendar';
import type { Period } from '@tripartite/http';
import { DataSource, type EntityManager } from 'typeorm';
import { Agreement } from '../domain/agreement';
import { AgreementRuleViolation, PLATFORM_RULE } from '../domain/agreement.errors';
import type { AgreementState, AgreementStatus } from '../domain/agreement.types';
import { AgreementOrmEntity } from './agreement.orm-entity';

const UNIQUE_VIOLATION = '23505';
const EXCLUSION_VIOLATION = '23P01';

export interface AgreementFilter {
  serviceId?: string;
  region?: string;
  status?: AgreementStatus;
  /** Granted agréments whose last day is before this date. */
  expiringBefore?: CalendarDate;
  /** Recorded on the platform (filed, or entered) within this period. */
  recorded?: Period;
  /** The reader's regions; undefined: all. */
  withinRegions?: readonly string[];
  /** Only this service's agréments (a service reads its own); undefined: any. */
  onlyServiceId?: string;
}

@Injectable()
export class AgreementRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, agreement: Agreement, now: Date): Promise<void> {
    await guard(manager.insert(AgreementOrmEntity, { ...toRow(agreement), createdAt: now, updatedAt: now }));
  }

  /** Writes the agrément over the version it was loaded at; false when someone changed it meanwhile. */
  async update(
    manager: EntityManager,
    agreement: Agreement,
    loadedVersion: number,
    now: Date,
  ): Promise<boolean> {
    const result = await guard(
      manager.update(
        AgreementOrmEntity,
        { id: agreement.id, version: loadedVersion },
        { ...toRow(agreement), updatedAt: now },
      ),
    );
    return (result.affected ?? 0) === 1;
  }

  /** Loads an agrément; inside a transaction, `lock` holds it until commit so commands on it serialise. */
  async findById(
    id: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<Agreement | null> {
    const query = manager
      .getRepository(AgreementOrmEntity)
      .createQueryBuilder('a')
      .where('a.id = :id', { id });
    if (lock) query.setLock('pessimistic_write');
    const row = await query.getOne();
    return row ? toAgreement(row) : null;
  }

  /** The service's agréments that were granted (whatever became of them), latest start first. */
  async grantedHistory(manager: EntityManager, serviceId: string): Promise<Agreement[]> {
    const rows = await manager
      .getRepository(AgreementOrmEntity)
      .createQueryBuilder('a')
      .where('a.service_id = :serviceId', { serviceId })
      .andWhere('a.valid_from IS NOT NULL')
      .orderBy('a.valid_from', 'DESC')
      .getMany();
    return rows.map(toAgreement);
  }

  /** The latest application filed to renew this agrément, if any. */
  async renewalOf(agreementId: string): Promise<Agreement | null> {
    const row = await this.dataSource
      .getRepository(AgreementOrmEntity)
      .createQueryBuilder('a')
      .where('a.previous_agreement_id = :agreementId', { agreementId })
      .orderBy('a.filed_on', 'DESC')
      .addOrderBy('a.created_at', 'DESC')
      .getOne();
    return row ? toAgreement(row) : null;
  }

  /** Serialises the commands that concern one service's agréments (filing, granting) until commit. */
  async lockService(manager: EntityManager, serviceId: string): Promise<void> {
    await manager.query("SELECT pg_advisory_xact_lock(hashtext('agreements/service/' || $1))", [serviceId]);
  }

  async list(
    filter: AgreementFilter,
    page: number,
    pageSize: number,
  ): Promise<{ items: Agreement[]; total: number }> {
    const query = this.dataSource.getRepository(AgreementOrmEntity).createQueryBuilder('a');
    if (filter.serviceId) query.andWhere('a.service_id = :serviceId', { serviceId: filter.serviceId });
    if (filter.region) query.andWhere(':region = ANY(a.regions)', { region: filter.region });
    if (filter.status) query.andWhere('a.status = :status', { status: filter.status });
    if (filter.expiringBefore) {
      query
        .andWhere("a.status = 'granted'")
        .andWhere('a.valid_until < :before', { before: filter.expiringBefore });
    }
    if (filter.recorded?.from) query.andWhere('a.created_at >= :from', { from: filter.recorded.from });
    if (filter.recorded?.to) query.andWhere('a.created_at < :to', { to: filter.recorded.to });
    if (filter.withinRegions) query.andWhere('a.regions && :within', { within: [...filter.withinRegions] });
    if (filter.onlyServiceId) query.andWhere('a.service_id = :only', { only: filter.onlyServiceId });
    const [rows, total] = await query
      .orderBy('a.valid_until', 'ASC', 'NULLS LAST')
      .addOrderBy('a.filed_on', 'DESC')
      .addOrderBy('a.id', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: rows.map(toAgreement), total };
  }
}

/** The database's own guards, answered as the rules they enforce. */
async function guard<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === EXCLUSION_VIOLATION) {
      throw new AgreementRuleViolation(
        'AGREEMENT.OVERLAP',
        'this period overlaps another agrément of the service: at most one agrément in force at any date',
        'validFrom',
        `one agrément in force per service at any date (${PLATFORM_RULE})`,
      );
    }
    if (code === UNIQUE_VIOLATION) {
      throw new AgreementRuleViolation(
        'AGREEMENT.APPLICATION_PENDING',
        'an application of this service is already under examination',
        'serviceId',
        `one application at a time per service (${PLATFORM_RULE})`,
      );
    }
    throw error;
  }
}

function toRow(agreement: Agreement): Omit<AgreementOrmEntity, 'createdAt' | 'updatedAt'> {
  return { id: agreement.id, ...agreement.state, version: agreement.version };
}

function toAgreement(row: AgreementOrmEntity): Agreement {
  const { id, version, createdAt: _c, updatedAt: _u, ...state } = row;
  return Agreement.restore(id, state satisfies AgreementState, version);
}
