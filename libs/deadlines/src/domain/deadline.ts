import type { CatalogueEvent, EventCatalogue, PlatformCatalogue } from '@tripartite/events';

/**
 * Where a deadline is in its life: waiting, done (its event is in the outbox), called off, or skipped — its day
 * had passed before it was known (an agrément recorded years after its decision): kept as a trace, never fired.
 */
export type DeadlineStatus = 'pending' | 'fired' | 'cancelled' | 'skipped';

/** The domain event a deadline publishes when it fires, decided when it is scheduled. */
export interface DeadlineEvent {
  /** Routing key of an event in the catalogue, e.g. `agreement.renewal_reminder_due`. */
  type: string;
  /** The catalogue's version of that event when it was planned: upcast to the current one when it fires. */
  version: number;
  /** Version of the subject aggregate the event reports on. */
  aggregateVersion: number;
  payload: unknown;
}

/**
 * A moment at which something must happen to an aggregate (a renewal reminder, an expiry).
 * The row in the service's database is the truth; any timer elsewhere is only a wake-up call.
 */
export interface Deadline {
  id: string;
  /** What the deadline is for, e.g. `agreement.renewal_reminder`; lets a service cancel by kind. */
  kind: string;
  /** Id of the aggregate the deadline belongs to; becomes the event's `aggregateId`. */
  subjectId: string;
  region: string | null;
  dueAt: Date;
  status: DeadlineStatus;
  event: DeadlineEvent;
  /** Correlation id of the work that scheduled it, so the fired event joins the same story. */
  correlationId: string | null;
  createdAt: Date;
  firedAt: Date | null;
  cancelledAt: Date | null;
  /** Failed firing attempts; with `lastError`, tells an operator why a due deadline is still pending. */
  fireAttempts: number;
  lastError: string | null;
}

/**
 * The event a deadline will publish, as its planner writes it: type and payload checked by the compiler
 * against catalogue `C` (the platform's by default), then stored as data (`DeadlineEvent`).
 */
export type PlannedEvent<C extends EventCatalogue = PlatformCatalogue> = CatalogueEvent<C> & {
  aggregateVersion: number;
};

/** What a service asks for when it schedules a deadline. */
export interface ScheduleDeadline<C extends EventCatalogue = PlatformCatalogue> {
  /** Give a deterministic id to make scheduling idempotent (see `deadlineIdFor`); a UUIDv7 otherwise. */
  id?: string;
  kind: string;
  subjectId: string;
  region: string | null;
  dueAt: Date;
  event: PlannedEvent<C>;
}

const KIND = /^[a-z_]+(\.[a-z_]+)+$/;

/** Kinds look like event types (`agreement.renewal_reminder`): stable names, queryable and greppable. */
export function isValidKind(kind: string): boolean {
  return KIND.test(kind);
}

/** A deadline fires when it is still pending and its due time has come on the platform's clock. */
export function isDue(deadline: Pick<Deadline, 'status' | 'dueAt'>, now: Date): boolean {
  return deadline.status === 'pending' && deadline.dueAt.getTime() <= now.getTime();
}
