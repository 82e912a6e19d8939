import { Injectable } from '@nestjs/common';
import type { CalendarDate } from '@tripartite/calendar';
import type { Period } from '@tripartite/http';
import { DataSource, type EntityManager } from 'typeorm';
import { Consultation } from '../domain/consultation';
import type { ConsultationState, ConsultationStatus } from '../domain/consultation.types';

const COLUMNS = `id, contract_id AS "contractId", contract_version AS "contractVersion", service_id AS "serviceId",
  caisse_id AS "caisseId", direccte_id AS "direccteId", regions, plan_id AS "planId", step, body_id AS "bodyId",
  body_kind AS "bodyKind", body_name AS "bodyName", consulted_organisation_id AS "consultedOrganisationId", status,
  requested_on::text AS "requestedOn", answer_due_on::text AS "answerDueOn", session, opinion,
  closed_on::text AS "closedOn", close_reason AS "closeReason", version`;

/** Who sees which consultations in a list (see `ConsultationAuthority.listScope`). */
export interface ConsultationListScope {
  /** Every consultation of these regions; undefined: no region-wide reading. */
  withinRegions?: readonly string[];
  /** Consultations this organisation answers or is party to (service, Caisse, DIRECCTE of the CPOM). */
  organisationId?: string;
}

export interface ConsultationFilter {
  region?: string;
  bodyId?: string;
  status?: ConsultationStatus;
  contractId?: string;
  /** Pending past their answer deadline (true) or not (false), on `today`. */
  overdue?: boolean;
  today: CalendarDate;
  recorded?: Period;
  scope: ConsultationListScope | 'all';
}

/** SQL of consultations. */
@Injectable()
export class ConsultationRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, c: Consultation, now: Date): Promise<boolean> {
    const s = c.state;
    const rows: unknown[] = await manager.query(
      `INSERT INTO consultations (id, contract_id, contract_version, service_id, caisse_id, direccte_id, regions,
         plan_id, step, body_id, body_kind, body_name, consulted_organisation_id, status, requested_on, answer_due_on,
         session, opinion, closed_on, close_reason, version, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $22)
       ON CONFLICT (contract_id, contract_version, body_id) WHERE status <> 'closed' DO NOTHING RETURNING id`,
      [
        s.id,
        s.contractId,
        s.contractVersion,
        s.serviceId,
        s.caisseId,
        s.direccteId,
        s.regions,
        s.planId,
        s.step,
        s.bodyId,
        s.bodyKind,
        s.bodyName,
        s.consultedOrganisationId,
        s.status,
        s.requestedOn,
        s.answerDueOn,
        json(s.session),
        json(s.opinion),
        s.closedOn,
        s.closeReason,
        s.version,
        now,
      ],
    );
    return rows.length > 0;
  }

  /** Writes the consultation's changing parts (the row is locked by the caller). */
  async update(manager: EntityManager, c: Consultation, now: Date): Promise<void> {
    const s = c.state;
    await manager.query(
      `UPDATE consultations SET status = $2, session = $3, opinion = $4, closed_on = $5, close_reason = $6,
         version = $7, updated_at = $8 WHERE id = $1`,
      [s.id, s.status, json(s.session), json(s.opinion), s.closedOn, s.closeReason, s.version, now],
    );
  }

  async findById(
    id: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<Consultation | null> {
    const rows: ConsultationState[] = await manager.query(
      `SELECT ${COLUMNS} FROM consultations WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ? Consultation.restore(rows[0]) : null;
  }

  /** Every consultation of a CPOM (all versions), by version then body. */
  async forContract(manager: EntityManager, contractId: string): Promise<Consultation[]> {
    const rows: ConsultationState[] = await manager.query(
      `SELECT ${COLUMNS} FROM consultations WHERE contract_id = $1 ORDER BY contract_version, created_at, id`,
      [contractId],
    );
    return rows.map(Consultation.restore);
  }

  /** Serialises what happens to one CPOM's consultations (opening, closing, completion) until the transaction ends. */
  async lockContract(manager: EntityManager, contractId: string): Promise<void> {
    await manager.query("SELECT pg_advisory_xact_lock(hashtext('consultation_contract'), hashtext($1))", [
      contractId,
    ]);
  }

  async list(
    filter: ConsultationFilter,
    page: number,
    pageSize: number,
  ): Promise<{ items: Consultation[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const p = (value: unknown) => `$${params.push(value)}`;
    if (filter.region) where.push(`${p(filter.region)} = ANY(regions)`);
    if (filter.bodyId) where.push(`body_id = ${p(filter.bodyId)}`);
    if (filter.status) where.push(`status = ${p(filter.status)}`);
    if (filter.contractId) where.push(`contract_id = ${p(filter.contractId)}`);
    if (filter.overdue !== undefined) {
      const overdue = `(status = 'pending' AND answer_due_on < ${p(filter.today)})`;
      where.push(filter.overdue ? overdue : `NOT ${overdue}`);
    }
    if (filter.recorded?.from) where.push(`created_at >= ${p(filter.recorded.from)}`);
    if (filter.recorded?.to) where.push(`created_at < ${p(filter.recorded.to)}`);
    if (filter.scope !== 'all') {
      const ors: string[] = [];
      if (filter.scope.withinRegions) ors.push(`regions && ${p([...filter.scope.withinRegions])}::text[]`);
      if (filter.scope.organisationId) {
        const org = p(filter.scope.organisationId);
        ors.push(`${org} IN (consulted_organisation_id, service_id, caisse_id, direccte_id)`);
      }
      where.push(ors.length ? `(${ors.join(' OR ')})` : 'false');
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM consultations ${clause}`,
      params,
    );
    const rows: ConsultationState[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM consultations ${clause} ORDER BY answer_due_on, created_at, id
        OFFSET ${p((page - 1) * pageSize)} LIMIT ${p(pageSize)}`,
      params,
    );
    return { items: rows.map(Consultation.restore), total };
  }
}

function json(value: unknown): string | null {
  return value === null ? null : JSON.stringify(value);
}
