import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@tripartite/clock';
import { PLATFORM_CONFIG, type PlatformConfig } from '@tripartite/config';
import { currentContext, systemActor } from '@tripartite/context';
import { offsetOf, pageOf } from '@tripartite/http';
import { DataSource, type EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import {
  type AuditEntryInput,
  type AuditRecord,
  type HistoryPage,
  type HistoryQuery,
  historyQuerySchema,
} from './audit-entry';

interface AuditRow {
  id: string;
  occurred_at: Date;
  actor_subject: string;
  actor_roles: string[];
  actor_organisation_id: string | null;
  actor_region: string | null;
  action: string;
  aggregate_type: string;
  aggregate_id: string;
  version_before: number | null;
  version_after: number | null;
  summary: string;
  payload: Record<string, unknown>;
  correlation_id: string | null;
  causation_id: string | null;
  request_id: string | null;
}

/** The audit trail of the service's aggregates: written with each change, read as their history. */
@Injectable()
export class AuditTrail {
  constructor(
    private readonly clock: Clock,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * Records one command in the caller's transaction, so the entry exists if and only if the change does.
   * The actor is the caller of the current request (set by the auth guard), else the service itself.
   */
  async record(manager: EntityManager, entry: AuditEntryInput): Promise<AuditRecord> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error(
        'AuditTrail.record must be given the EntityManager of the transaction making the change',
      );
    }
    const context = currentContext();
    const actor = entry.actor ?? context?.actor ?? systemActor(this.config.SERVICE_NAME);
    const record: AuditRecord = {
      id: uuidv7(),
      occurredAt: this.clock.now().toISOString(),
      actor: {
        subject: actor.subject,
        roles: [...actor.roles],
        organisationId: actor.organisationId,
        region: actor.region,
      },
      action: entry.action,
      aggregateType: entry.aggregateType,
      aggregateId: entry.aggregateId,
      versionBefore: entry.versionBefore,
      versionAfter: entry.versionAfter,
      summary: entry.summary,
      payload: entry.payload ?? {},
      correlationId: context?.correlationId ?? null,
      causationId: context?.causationId ?? null,
      requestId: context?.requestId ?? null,
    };
    await manager.query(
      `INSERT INTO audit_log (id, occurred_at, actor_subject, actor_roles, actor_organisation_id, actor_region,
         action, aggregate_type, aggregate_id, version_before, version_after, summary, payload,
         correlation_id, causation_id, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
      [
        record.id,
        record.occurredAt,
        record.actor.subject,
        record.actor.roles,
        record.actor.organisationId,
        record.actor.region,
        record.action,
        record.aggregateType,
        record.aggregateId,
        record.versionBefore,
        record.versionAfter,
        record.summary,
        JSON.stringify(record.payload),
        record.correlationId,
        record.causationId,
        record.requestId,
      ],
    );
    return record;
  }

  /** One page of an aggregate's history, oldest first. An unknown aggregate has an empty history. */
  async history(
    aggregateType: string,
    aggregateId: string,
    query: HistoryQuery = historyQuerySchema.parse({}),
  ): Promise<HistoryPage> {
    const { from, to } = query.recorded;
    const where = `aggregate_type = $1 AND aggregate_id = $2
      AND ($3::timestamptz IS NULL OR occurred_at >= $3) AND ($4::timestamptz IS NULL OR occurred_at < $4)`;
    const parameters = [aggregateType, aggregateId, from ?? null, to ?? null];
    const [{ total }] = (await this.dataSource.query(
      `SELECT count(*)::int AS total FROM audit_log WHERE ${where}`,
      parameters,
    )) as { total: number }[];
    const rows = (await this.dataSource.query(
      `SELECT * FROM audit_log WHERE ${where} ORDER BY occurred_at, id LIMIT $5 OFFSET $6`,
      [...parameters, query.pageSize, offsetOf(query)],
    )) as AuditRow[];
    return pageOf(query, rows.map(toRecord), total);
  }

  /**
   * The history of one resource as `GET …/{id}/history` answers it: `load` reads the resource first, refusing
   * it as its own `GET` does (404, 403 out of the caller's scope), then one page of its history.
   */
  async historyOfReadable(
    aggregateType: string,
    aggregateId: string,
    query: HistoryQuery,
    load: () => Promise<unknown>,
  ): Promise<HistoryPage> {
    await load();
    return this.history(aggregateType, aggregateId, query);
  }
}

function toRecord(row: AuditRow): AuditRecord {
  return {
    id: row.id,
    occurredAt: row.occurred_at.toISOString(),
    actor: {
      subject: row.actor_subject,
      roles: row.actor_roles,
      organisationId: row.actor_organisation_id,
      region: row.actor_region,
    },
    action: row.action,
    aggregateType: row.aggregate_type,
    aggregateId: row.aggregate_id,
    versionBefore: row.version_before,
    versionAfter: row.version_after,
    summary: row.summary,
    payload: row.payload,
    correlationId: row.correlation_id,
    causationId: row.causation_id,
    requestId: row.request_id,
  };
}
