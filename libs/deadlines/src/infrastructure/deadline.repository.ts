import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Deadline } from '../domain/deadline';
import { DEADLINE_COLUMNS, type DeadlineRow, toDeadline } from './deadline.mapper';

/** How a read locks the row: not at all, wait for the lock, or skip a row another replica holds. */
export type RowLock = 'none' | 'wait' | 'skip-locked';

/** The little a timer needs to know about a deadline. */
export interface DeadlineTimerState {
  id: string;
  kind: string;
  status: Deadline['status'];
  dueAt: Date;
}

/** Position in a walk over pending deadlines ordered by (due_at, id). */
export interface PendingCursor {
  dueAt: Date;
  id: string;
}

/**
 * SQL of the `deadlines` table. Hand-written because the guarantees live in the SQL itself:
 * `ON CONFLICT DO NOTHING` for idempotent scheduling, `FOR UPDATE [SKIP LOCKED]` for once-only firing,
 * `WHERE status = 'pending'` so a change can never resurrect a fired or cancelled deadline.
 */
@Injectable()
export class DeadlineRepository {
  /** Inserts the deadline unless its id exists; answers the row as stored either way. */
  async insertIfAbsent(
    manager: EntityManager,
    d: Deadline,
  ): Promise<{ deadline: Deadline; created: boolean }> {
    const inserted: DeadlineRow[] = await manager.query(
      `INSERT INTO deadlines (id, kind, subject_id, region, due_at, status, event_type, aggregate_version,
         payload, correlation_id, created_at, event_version)
       VALUES ($1, $2, $3, $4, $5, $11, $6, $7, $8, $9, $10, $12)
       ON CONFLICT (id) DO NOTHING
       RETURNING ${DEADLINE_COLUMNS}`,
      [
        d.id,
        d.kind,
        d.subjectId,
        d.region,
        d.dueAt,
        d.event.type,
        d.event.aggregateVersion,
        JSON.stringify(d.event.payload ?? null),
        d.correlationId,
        d.createdAt,
        d.status,
        d.event.version,
      ],
    );
    if (inserted.length > 0) return { deadline: toDeadline(inserted[0]), created: true };
    const existing = await this.findById(manager, d.id);
    // Unreachable unless the row was deleted between the two statements; say so rather than invent one.
    if (!existing) throw new Error(`Deadline ${d.id} vanished while being scheduled`);
    return { deadline: existing, created: false };
  }

  async findById(manager: EntityManager, id: string, lock: RowLock = 'none'): Promise<Deadline | null> {
    const suffix = lock === 'wait' ? 'FOR UPDATE' : lock === 'skip-locked' ? 'FOR UPDATE SKIP LOCKED' : '';
    const rows: DeadlineRow[] = await manager.query(
      `SELECT ${DEADLINE_COLUMNS} FROM deadlines WHERE id = $1 ${suffix}`,
      [id],
    );
    return rows.length > 0 ? toDeadline(rows[0]) : null;
  }

  async markFired(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.query(
      "UPDATE deadlines SET status = 'fired', fired_at = $2, last_error = NULL WHERE id = $1 AND status = 'pending'",
      [id, at],
    );
  }

  /** Cancels the deadline if it is still pending; answers the cancelled row, or nothing. */
  async cancelPending(manager: EntityManager, id: string, at: Date): Promise<Deadline | null> {
    const rows = returnedRows(
      await manager.query(
        `UPDATE deadlines SET status = 'cancelled', cancelled_at = $2
         WHERE id = $1 AND status = 'pending' RETURNING ${DEADLINE_COLUMNS}`,
        [id, at],
      ),
    );
    return rows.length > 0 ? toDeadline(rows[0]) : null;
  }

  async reschedulePending(manager: EntityManager, id: string, dueAt: Date): Promise<Deadline | null> {
    const rows = returnedRows(
      await manager.query(
        `UPDATE deadlines SET due_at = $2
         WHERE id = $1 AND status = 'pending' RETURNING ${DEADLINE_COLUMNS}`,
        [id, dueAt],
      ),
    );
    return rows.length > 0 ? toDeadline(rows[0]) : null;
  }

  async cancelPendingForSubject(
    manager: EntityManager,
    subjectId: string,
    kinds: readonly string[] | undefined,
    at: Date,
  ): Promise<Deadline[]> {
    const rows = returnedRows(
      await manager.query(
        `UPDATE deadlines SET status = 'cancelled', cancelled_at = $2
         WHERE subject_id = $1 AND status = 'pending' AND ($3::text[] IS NULL OR kind = ANY($3::text[]))
         RETURNING ${DEADLINE_COLUMNS}`,
        [subjectId, at, kinds ? [...kinds] : null],
      ),
    );
    return rows.map(toDeadline);
  }

  async listForSubject(manager: EntityManager, subjectId: string): Promise<Deadline[]> {
    const rows: DeadlineRow[] = await manager.query(
      `SELECT ${DEADLINE_COLUMNS} FROM deadlines WHERE subject_id = $1 ORDER BY due_at, id`,
      [subjectId],
    );
    return rows.map(toDeadline);
  }

  async listPending(manager: EntityManager, subjectId?: string): Promise<Deadline[]> {
    const rows: DeadlineRow[] = await manager.query(
      `SELECT ${DEADLINE_COLUMNS} FROM deadlines
       WHERE status = 'pending' AND ($1::text IS NULL OR subject_id = $1)
       ORDER BY due_at, id`,
      [subjectId ?? null],
    );
    return rows.map(toDeadline);
  }

  async timerStates(manager: EntityManager, ids: readonly string[]): Promise<DeadlineTimerState[]> {
    const rows: { id: string; kind: string; status: Deadline['status']; due_at: Date }[] =
      await manager.query('SELECT id, kind, status, due_at FROM deadlines WHERE id = ANY($1::uuid[])', [
        [...ids],
      ]);
    return rows.map((r) => ({ id: r.id, kind: r.kind, status: r.status, dueAt: r.due_at }));
  }

  /** Keeps the last failure on the row, outside the failed transaction, so an operator sees why. */
  async recordFailure(manager: EntityManager, id: string, error: string): Promise<void> {
    await manager.query(
      `UPDATE deadlines SET fire_attempts = fire_attempts + 1, last_error = left($2, 2000)
       WHERE id = $1 AND status = 'pending'`,
      [id, error],
    );
  }

  /**
   * Pending deadlines in due order, after `cursor`: those due at `now` or before (`'due'`; no lock, the
   * firing takes it), or those not yet due at `now` (`'not-due'`).
   */
  async pagePending(
    manager: EntityManager,
    which: 'due' | 'not-due',
    now: Date,
    cursor: PendingCursor | null,
    limit: number,
  ): Promise<DeadlineTimerState[]> {
    const dueCondition = which === 'due' ? 'due_at <= $1' : 'due_at > $1';
    // Keyset pagination on (due_at, id): stable while other replicas fire rows of the same walk.
    const rows: { id: string; kind: string; due_at: Date }[] = await manager.query(
      `SELECT id, kind, due_at FROM deadlines
       WHERE status = 'pending' AND ${dueCondition}
         AND ($2::timestamptz IS NULL OR (due_at, id) > ($2::timestamptz, $3::uuid))
       ORDER BY due_at, id
       LIMIT $4`,
      [now, cursor?.dueAt ?? null, cursor?.id ?? null, limit],
    );
    return rows.map((r) => ({ id: r.id, kind: r.kind, status: 'pending', dueAt: r.due_at }));
  }
}

/** TypeORM answers an UPDATE with `[rows, rowCount]` and other statements with the rows alone. */
function returnedRows(result: unknown): DeadlineRow[] {
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  ) {
    return result[0] as DeadlineRow[];
  }
  return result as DeadlineRow[];
}
