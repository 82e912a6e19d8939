import { Injectable } from '@nestjs/common';
import type { CalendarDate } from '@tripartite/calendar';
import type { ConsultedBodyKind } from '@tripartite/events';
import { DataSource, type EntityManager } from 'typeorm';
import type { Body, Member } from '../domain/body.types';

const BODY_COLUMNS = `id, kind, region, name, organisation_id AS "organisationId", valid_from::text AS "validFrom",
  valid_until::text AS "validUntil", version`;
const MEMBER_COLUMNS = `id, body_id AS "bodyId", name, college, organisation_id AS "organisationId", email,
  mandate_from::text AS "mandateFrom", mandate_until::text AS "mandateUntil", interests, version`;

export interface BodyFilter {
  region?: string;
  kind?: ConsultedBodyKind;
  /** In existence on this day. */
  on?: CalendarDate;
}

/** SQL of bodies and their members. */
@Injectable()
export class BodyRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, body: Body, now: Date): Promise<void> {
    await manager.query(
      `INSERT INTO bodies (id, kind, region, name, organisation_id, valid_from, valid_until, version, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)`,
      [
        body.id,
        body.kind,
        body.region,
        body.name,
        body.organisationId,
        body.validFrom,
        body.validUntil,
        body.version,
        now,
      ],
    );
  }

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<Body | null> {
    const rows: Body[] = await manager.query(`SELECT ${BODY_COLUMNS} FROM bodies WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async findMany(ids: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<Body[]> {
    if (ids.length === 0) return [];
    return manager.query(`SELECT ${BODY_COLUMNS} FROM bodies WHERE id = ANY($1::uuid[])`, [[...ids]]);
  }

  async list(filter: BodyFilter, page: number, pageSize: number): Promise<{ items: Body[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.region) where.push(`region = $${params.push(filter.region)}`);
    if (filter.kind) where.push(`kind = $${params.push(filter.kind)}`);
    if (filter.on) {
      const p = params.push(filter.on);
      where.push(`valid_from <= $${p} AND (valid_until IS NULL OR valid_until >= $${p})`);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM bodies ${clause}`,
      params,
    );
    const items: Body[] = await this.dataSource.query(
      `SELECT ${BODY_COLUMNS} FROM bodies ${clause} ORDER BY region, valid_from DESC, name, id
        OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
      [...params, (page - 1) * pageSize, pageSize],
    );
    return { items, total };
  }

  /** Moves the body to its next version if nobody changed it since `expectedVersion` (a member joined). */
  async bumpVersion(
    manager: EntityManager,
    body: Body,
    expectedVersion: number,
    now: Date,
  ): Promise<boolean> {
    const [, affected] = await manager.query(
      'UPDATE bodies SET version = $3, updated_at = $4 WHERE id = $1 AND version = $2',
      [body.id, expectedVersion, body.version, now],
    );
    return affected === 1;
  }

  async insertMember(manager: EntityManager, member: Member, now: Date): Promise<void> {
    await manager.query(
      `INSERT INTO body_members (id, body_id, name, college, organisation_id, email, mandate_from, mandate_until,
         interests, version, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)`,
      [member.id, member.bodyId, ...memberFields(member), now],
    );
  }

  /** Writes a changed member if nobody changed it since `expectedVersion`. */
  async updateMember(
    manager: EntityManager,
    member: Member,
    expectedVersion: number,
    now: Date,
  ): Promise<boolean> {
    const [, affected] = await manager.query(
      `UPDATE body_members SET name = $3, college = $4, organisation_id = $5, email = $6, mandate_from = $7,
         mandate_until = $8, interests = $9, version = $10, updated_at = $11
       WHERE id = $1 AND version = $2`,
      [member.id, expectedVersion, ...memberFields(member), now],
    );
    return affected === 1;
  }

  async findMember(
    bodyId: string,
    memberId: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<Member | null> {
    const rows: Member[] = await manager.query(
      `SELECT ${MEMBER_COLUMNS} FROM body_members WHERE body_id = $1 AND id = $2 ${lock ? 'FOR UPDATE' : ''}`,
      [bodyId, memberId],
    );
    return rows[0] ?? null;
  }

  /** A body's members, by name. */
  async members(bodyId: string, manager: EntityManager = this.dataSource.manager): Promise<Member[]> {
    return manager.query(`SELECT ${MEMBER_COLUMNS} FROM body_members WHERE body_id = $1 ORDER BY name, id`, [
      bodyId,
    ]);
  }
}

/** A member's columns from `name` to `version`, in the order the statements above list them. */
function memberFields(member: Member): unknown[] {
  return [
    member.name,
    member.college,
    member.organisationId,
    member.email,
    member.mandateFrom,
    member.mandateUntil,
    JSON.stringify(member.interests),
    member.version,
  ];
}
