import type { EventEnvelope } from '@tripartite/events';
import type { EntityManager } from 'typeorm';
import { benchPinged } from './bench-catalogue';

/** The channel the library notified before it woke its relay in process (kept to measure the difference). */
const OUTBOX_CHANNEL = 'tripartite_outbox';

/**
 * How the bench's producer writes an event:
 * - `library`: `OutboxWriter.append` as it is (INSERT in the caller's transaction; the process's relay is
 *   woken after the commit);
 * - `single-statement`: the library's former way, INSERT and `pg_notify` (the cluster-wide NOTIFY lock)
 *   in one statement;
 * - `in-process-wake`: a copy that only INSERTs, the bench waking the same process's relay with
 *   `OutboxRelay.notify()` once the transaction has committed (no NOTIFY in the transaction).
 * The copies exist to measure a proposed change to libs/messaging without editing it (bench/README.md).
 */
export type WriteVariant = 'library' | 'single-statement' | 'in-process-wake';

export const WRITE_VARIANTS: readonly WriteVariant[] = ['library', 'single-statement', 'in-process-wake'];

const INSERT = 'INSERT INTO outbox (id, type, aggregate_id, envelope) VALUES ($1, $2, $3, $4)';

function rowOf(envelope: EventEnvelope): unknown[] {
  // The library validates the payload against the catalogue before writing; so do the copies.
  benchPinged.schema.parse(envelope.payload);
  return [envelope.id, envelope.type, envelope.aggregateId, JSON.stringify(envelope)];
}

export async function appendInOneStatement(manager: EntityManager, envelope: EventEnvelope): Promise<void> {
  await manager.query(
    `WITH written AS (${INSERT} RETURNING 1) SELECT pg_notify('${OUTBOX_CHANNEL}', '') FROM written`,
    rowOf(envelope),
  );
}

export async function appendWithoutNotify(manager: EntityManager, envelope: EventEnvelope): Promise<void> {
  await manager.query(INSERT, rowOf(envelope));
}
