import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import type { KeptProperties, ParkedMessage } from './parked-message';

/** A parked message of the log, with the id the admin API names it by. */
export interface StoredParkedMessage extends ParkedMessage {
  id: string;
}

/** What the admin view lists of a parked message. */
export type ParkedMessageSummary = Pick<
  StoredParkedMessage,
  'id' | 'eventId' | 'type' | 'version' | 'reason' | 'unknownVersion' | 'attempts' | 'parkedAt'
>;

/** Which parked messages to put back on the service's queue. */
export type ReplaySelection =
  | { readonly all: true }
  | { readonly ids: readonly string[] }
  /** Those parked for a version newer than their consumer read, that this release reads (type → current). */
  | { readonly newerVersionsNowRead: ReadonlyMap<string, number> };

interface SummaryRow {
  id: string;
  event_id: string | null;
  type: string | null;
  version: number | null;
  reason: string;
  unknown_version: number | null;
  attempts: number;
  parked_at: Date;
}

export interface ParkedRow extends SummaryRow {
  fingerprint: string;
  content: Buffer;
  properties: KeptProperties;
}

/** The service's parked-message log (table `parked_messages`). */
@Injectable()
export class ParkedMessageRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Keeps a message taken from the parking queue; one already kept (same fingerprint) is not kept twice. */
  async keep(parked: ParkedMessage): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO parked_messages
         (id, fingerprint, event_id, type, version, reason, unknown_version, attempts, parked_at, content, properties)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (fingerprint) DO NOTHING`,
      [
        uuidv7(),
        parked.fingerprint,
        parked.eventId,
        parked.type,
        parked.version,
        parked.reason,
        parked.unknownVersion,
        parked.attempts,
        parked.parkedAt,
        parked.content,
        JSON.stringify(parked.properties),
      ],
    );
  }

  /** One page of the log, in parking order. */
  /** One page of the parked messages, oldest first, parked within `parked` (open ends allowed). */
  async page(
    page: number,
    pageSize: number,
    parked: { from?: Date; to?: Date } = {},
  ): Promise<{ items: ParkedMessageSummary[]; total: number }> {
    const within = `($1::timestamptz IS NULL OR parked_at >= $1) AND ($2::timestamptz IS NULL OR parked_at < $2)`;
    const period = [parked.from ?? null, parked.to ?? null];
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM parked_messages WHERE ${within}`,
      period,
    );
    const rows: SummaryRow[] = await this.dataSource.query(
      `SELECT id, event_id, type, version, reason, unknown_version, attempts, parked_at
         FROM parked_messages WHERE ${within} ORDER BY parked_at, id LIMIT $3 OFFSET $4`,
      [...period, pageSize, (page - 1) * pageSize],
    );
    const items = rows.map(toSummary);
    return { items, total };
  }

  /**
   * Locks the selected messages for the caller's transaction, in parking order. Rows another replica is
   * replaying just now are skipped, so two replays never put one message back twice.
   */
  async lockForReplay(manager: EntityManager, selection: ReplaySelection): Promise<StoredParkedMessage[]> {
    let rows: ParkedRow[];
    if ('all' in selection) {
      rows = await manager.query(
        'SELECT * FROM parked_messages ORDER BY parked_at, id FOR UPDATE SKIP LOCKED',
      );
    } else if ('ids' in selection) {
      rows = await manager.query(
        'SELECT * FROM parked_messages WHERE id = ANY($1::uuid[]) ORDER BY parked_at, id FOR UPDATE SKIP LOCKED',
        [selection.ids],
      );
    } else {
      const reads = [...selection.newerVersionsNowRead];
      rows = await manager.query(
        `SELECT p.* FROM parked_messages p
           JOIN unnest($1::text[], $2::int[]) AS r(type, version)
             ON p.type = r.type AND p.unknown_version <= r.version
          WHERE p.unknown_version IS NOT NULL
          ORDER BY p.parked_at, p.id
          FOR UPDATE OF p SKIP LOCKED`,
        [reads.map(([type]) => type), reads.map(([, version]) => version)],
      );
    }
    return rows.map(parkedMessageOfRow);
  }

  async delete(manager: EntityManager, ids: readonly string[]): Promise<void> {
    await manager.query('DELETE FROM parked_messages WHERE id = ANY($1::uuid[])', [ids]);
  }
}

/** A row of `parked_messages` (`SELECT *`) as the parked message it keeps. */
export function parkedMessageOfRow(row: ParkedRow): StoredParkedMessage {
  return {
    ...toSummary(row),
    fingerprint: row.fingerprint,
    content: row.content,
    properties: row.properties,
  };
}

function toSummary(row: SummaryRow): ParkedMessageSummary {
  return {
    id: row.id,
    eventId: row.event_id,
    type: row.type,
    version: row.version,
    reason: row.reason,
    unknownVersion: row.unknown_version,
    attempts: row.attempts,
    parkedAt: row.parked_at,
  };
}
