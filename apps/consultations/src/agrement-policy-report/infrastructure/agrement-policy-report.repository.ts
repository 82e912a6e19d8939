import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AgrementPolicyReport, type AgrementPolicyReportState } from '../domain/agrement-policy-report';

const COLUMNS = `id, region, year, due_on::text AS "dueOn", status, presented_on::text AS "presentedOn",
  body_id AS "bodyId", figures, version`;

/** SQL of the yearly information on agrément policy. */
@Injectable()
export class AgrementPolicyReportRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts the report unless the region already has one for the year; answers the existing one's id then. */
  async insert(manager: EntityManager, report: AgrementPolicyReport, now: Date): Promise<string | null> {
    const s = report.state;
    const inserted: unknown[] = await manager.query(
      `INSERT INTO agrement_policy_reports (id, region, year, due_on, status, version, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7) ON CONFLICT (region, year) DO NOTHING RETURNING id`,
      [s.id, s.region, s.year, s.dueOn, s.status, s.version, now],
    );
    if (inserted.length > 0) return null;
    const [existing] = (await manager.query(
      'SELECT id FROM agrement_policy_reports WHERE region = $1 AND year = $2',
      [s.region, s.year],
    )) as { id: string }[];
    return existing?.id ?? null;
  }

  async update(manager: EntityManager, report: AgrementPolicyReport, now: Date): Promise<void> {
    const s = report.state;
    await manager.query(
      `UPDATE agrement_policy_reports SET status = $2, presented_on = $3, body_id = $4, figures = $5, version = $6,
         updated_at = $7 WHERE id = $1`,
      [s.id, s.status, s.presentedOn, s.bodyId, s.figures ? JSON.stringify(s.figures) : null, s.version, now],
    );
  }

  async findById(
    id: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<AgrementPolicyReport | null> {
    const rows: AgrementPolicyReportState[] = await manager.query(
      `SELECT ${COLUMNS} FROM agrement_policy_reports WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ? AgrementPolicyReport.restore(rows[0]) : null;
  }

  async list(
    filter: {
      region?: string;
      year?: number;
      status?: 'due' | 'presented';
      withinRegions?: readonly string[];
    },
    page: number,
    pageSize: number,
  ): Promise<{ items: AgrementPolicyReport[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const p = (value: unknown) => `$${params.push(value)}`;
    if (filter.region) where.push(`region = ${p(filter.region)}`);
    if (filter.year) where.push(`year = ${p(filter.year)}`);
    if (filter.status) where.push(`status = ${p(filter.status)}`);
    if (filter.withinRegions) where.push(`region = ANY(${p([...filter.withinRegions])}::text[])`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM agrement_policy_reports ${clause}`,
      params,
    );
    const rows: AgrementPolicyReportState[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM agrement_policy_reports ${clause} ORDER BY year DESC, region, id
        OFFSET ${p((page - 1) * pageSize)} LIMIT ${p(pageSize)}`,
      params,
    );
    return { items: rows.map(AgrementPolicyReport.restore), total };
  }
}
