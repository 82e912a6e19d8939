import { Injectable } from '@nestjs/common';
import type { CalendarDate } from '@tripartite/calendar';
import { DataSource, type EntityManager } from 'typeorm';
import type { ConsultationPlan } from '../domain/consultation-plan';

const COLUMNS = `id, region, valid_from::text AS "validFrom", valid_until::text AS "validUntil", entries, version`;

/** SQL of consultation plans. */
@Injectable()
export class ConsultationPlanRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, plan: ConsultationPlan, now: Date): Promise<void> {
    await manager.query(
      `INSERT INTO consultation_plans (id, region, valid_from, valid_until, entries, version, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        plan.id,
        plan.region,
        plan.validFrom,
        plan.validUntil,
        JSON.stringify(plan.entries),
        plan.version,
        now,
      ],
    );
  }

  /** Ends a plan on `validUntil` (a newer plan takes over the next day). */
  async end(manager: EntityManager, id: string, validUntil: CalendarDate): Promise<void> {
    await manager.query(
      'UPDATE consultation_plans SET valid_until = $2, version = version + 1 WHERE id = $1',
      [id, validUntil],
    );
  }

  /** A region's plans, newest first; with `lock`, serialises the commands that plan the region. */
  async forRegion(
    region: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<ConsultationPlan[]> {
    if (lock) {
      await manager.query("SELECT pg_advisory_xact_lock(hashtext('consultation_plan'), hashtext($1))", [
        region,
      ]);
    }
    return manager.query(
      `SELECT ${COLUMNS} FROM consultation_plans WHERE region = $1 ORDER BY valid_from DESC`,
      [region],
    );
  }

  async findById(id: string): Promise<ConsultationPlan | null> {
    const rows: ConsultationPlan[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM consultation_plans WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async list(
    filter: { region?: string; on?: CalendarDate },
    page: number,
    pageSize: number,
  ): Promise<{ items: ConsultationPlan[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.region) where.push(`region = $${params.push(filter.region)}`);
    if (filter.on) {
      const p = params.push(filter.on);
      where.push(`valid_from <= $${p} AND (valid_until IS NULL OR valid_until >= $${p})`);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM consultation_plans ${clause}`,
      params,
    );
    const items: ConsultationPlan[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM consultation_plans ${clause} ORDER BY region, valid_from DESC, id
        OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
      [...params, (page - 1) * pageSize, pageSize],
    );
    return { items, total };
  }
}
