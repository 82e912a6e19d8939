import type { Deadline, DeadlineStatus } from '../domain/deadline';

/** A `deadlines` row as PostgreSQL returns it through `pg` (timestamps already parsed into Dates). */
export interface DeadlineRow {
  id: string;
  kind: string;
  subject_id: string;
  region: string | null;
  due_at: Date;
  status: DeadlineStatus;
  event_type: string;
  event_version: number;
  aggregate_version: number;
  payload: unknown;
  correlation_id: string | null;
  created_at: Date;
  fired_at: Date | null;
  cancelled_at: Date | null;
  fire_attempts: number;
  last_error: string | null;
}

export const DEADLINE_COLUMNS =
  'id, kind, subject_id, region, due_at, status, event_type, event_version, aggregate_version, payload, ' +
  'correlation_id, ' +
  'created_at, fired_at, cancelled_at, fire_attempts, last_error';

export function toDeadline(row: DeadlineRow): Deadline {
  return {
    id: row.id,
    kind: row.kind,
    subjectId: row.subject_id,
    region: row.region,
    dueAt: row.due_at,
    status: row.status,
    event: {
      type: row.event_type,
      version: row.event_version,
      aggregateVersion: row.aggregate_version,
      payload: row.payload,
    },
    correlationId: row.correlation_id,
    createdAt: row.created_at,
    firedAt: row.fired_at,
    cancelledAt: row.cancelled_at,
    fireAttempts: row.fire_attempts,
    lastError: row.last_error,
  };
}
