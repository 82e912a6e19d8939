import { Injectable } from '@nestjs/common';
import { activeTraceCarrier, type TraceCarrier } from '@tripartite/telemetry';
import type { EntityManager } from 'typeorm';
import type { Delivery, DeliveryStatus } from '../domain/delivery';
import type { UntoldParty } from '../domain/parties.rule';
import { DELIVERY_COLUMNS, type DeliveryRow, toDelivery } from './delivery.mapper';

/** A delivery as decided by a consumer, before any try. */
export type NewDelivery = Pick<
  Delivery,
  | 'id'
  | 'eventId'
  | 'eventType'
  | 'template'
  | 'recipientEmail'
  | 'recipientName'
  | 'recipientOrganisationId'
  | 'subject'
  | 'text'
  | 'html'
  | 'attachments'
  | 'correlationId'
  | 'createdAt'
>;

export interface DeliveryFilter {
  /** Only what went to the contacts of this organisation. */
  organisationId?: string;
  status?: DeliveryStatus;
  eventType?: string;
  recipientEmail?: string;
  /** Only deliveries recorded at or after this instant. */
  from?: Date;
  /** Only deliveries recorded before this instant. */
  to?: Date;
}

/** Position in the sweep's walk over pending deliveries, oldest first. */
export interface PendingCursor {
  createdAt: Date;
  id: string;
  /** The trace of the event that decided the delivery (null before it was kept, or outside any trace). */
  trace: TraceCarrier | null;
}

/**
 * SQL of the delivery log. Hand-written because the guarantees live in it: `ON CONFLICT DO NOTHING` on
 * (event, recipient) so a replayed event records nothing new, `FOR UPDATE` so one sender at a time holds
 * a delivery, `WHERE status = 'pending'` so nothing sent or failed is ever touched again by a sender.
 */
@Injectable()
export class DeliveryRepository {
  /**
   * Notes that the rule table decided on this event; answers false when it already had. Taken in the
   * consumer's transaction before deciding, so concurrent or replayed applications decide once.
   */
  async claimDecision(
    manager: EntityManager,
    eventId: string,
    eventType: string,
    at: Date,
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO notified_events (event_id, event_type, decided_at, deliveries) VALUES ($1, $2, $3, 0)
       ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
      [eventId, eventType, at],
    );
    return rows.length > 0;
  }

  /** Completes the decision: how many deliveries it recorded, and the parties that reached nobody and why. */
  async completeDecision(
    manager: EntityManager,
    eventId: string,
    deliveries: number,
    untold: readonly UntoldParty[],
  ): Promise<void> {
    await manager.query('UPDATE notified_events SET deliveries = $2, untold = $3 WHERE event_id = $1', [
      eventId,
      deliveries,
      JSON.stringify(untold),
    ]);
  }

  /** Records the deliveries not recorded yet; answers the ids of those it inserted. */
  async insertNew(manager: EntityManager, deliveries: readonly NewDelivery[]): Promise<string[]> {
    const inserted: string[] = [];
    const trace = activeTraceCarrier();
    for (const d of deliveries) {
      const rows: { id: string }[] = await manager.query(
        `INSERT INTO deliveries (id, event_id, event_type, template, recipient_email, recipient_name,
           recipient_organisation_id, status, subject, text, html, attachments, correlation_id, created_at,
           trace_context)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', $8, $9, $10, $11, $12, $13, $14)
         ON CONFLICT (event_id, recipient_email) DO NOTHING
         RETURNING id`,
        [
          d.id,
          d.eventId,
          d.eventType,
          d.template,
          d.recipientEmail,
          d.recipientName,
          d.recipientOrganisationId,
          d.subject,
          d.text,
          d.html,
          JSON.stringify(d.attachments),
          d.correlationId,
          d.createdAt,
          // The trace of the event being applied: the send continues it, whoever queues it (ADR 0013).
          trace ? JSON.stringify(trace) : null,
        ],
      );
      if (rows.length > 0) inserted.push(rows[0].id);
    }
    return inserted;
  }

  async findById(
    manager: EntityManager,
    id: string,
    lock: 'none' | 'wait' = 'none',
  ): Promise<Delivery | null> {
    const rows: DeliveryRow[] = await manager.query(
      `SELECT ${DELIVERY_COLUMNS} FROM deliveries WHERE id = $1 ${lock === 'wait' ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return rows.length > 0 ? toDelivery(rows[0]) : null;
  }

  markSent(manager: EntityManager, id: string, reply: string, at: Date): Promise<void> {
    return this.settle(manager, id, 'sent', reply, at);
  }

  markFailed(manager: EntityManager, id: string, reply: string, at: Date): Promise<void> {
    return this.settle(manager, id, 'failed', reply, at);
  }

  /** The last try of a pending delivery: counted, its reply kept, and the time it was sent or failed. */
  private async settle(
    manager: EntityManager,
    id: string,
    status: 'sent' | 'failed',
    reply: string,
    at: Date,
  ): Promise<void> {
    await manager.query(
      `UPDATE deliveries SET status = '${status}', attempts = attempts + 1, last_smtp_reply = $2,
         last_attempt_at = $3, ${status}_at = $3
       WHERE id = $1 AND status = 'pending'`,
      [id, reply, at],
    );
  }

  /** Counts a try that met a transient refusal; the delivery stays pending. */
  async recordRetry(manager: EntityManager, id: string, reply: string, at: Date): Promise<void> {
    await manager.query(
      `UPDATE deliveries SET attempts = attempts + 1, last_smtp_reply = $2, last_attempt_at = $3
       WHERE id = $1 AND status = 'pending'`,
      [id, reply, at],
    );
  }

  /**
   * Puts a failed delivery back to pending for a new series of tries, counting the retry; answers
   * whether it was failed (a concurrent retry or a delivery in another state changes nothing).
   */
  async reopenFailed(manager: EntityManager, id: string, at: Date): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `UPDATE deliveries SET status = 'pending', failed_at = NULL, retries = retries + 1, retried_at = $2
       WHERE id = $1 AND status = 'failed'
       RETURNING id`,
      [id, at],
    );
    return rows.length > 0;
  }

  /** A page of pending deliveries, oldest first, after `cursor`. */
  async pagePending(
    manager: EntityManager,
    cursor: PendingCursor | null,
    limit: number,
  ): Promise<PendingCursor[]> {
    const rows: { id: string; created_at: Date; trace_context: TraceCarrier | null }[] = await manager.query(
      `SELECT id, created_at, trace_context FROM deliveries
       WHERE status = 'pending' AND ($1::timestamptz IS NULL OR (created_at, id) > ($1::timestamptz, $2::uuid))
       ORDER BY created_at, id LIMIT $3`,
      [cursor?.createdAt ?? null, cursor?.id ?? null, limit],
    );
    return rows.map((row) => ({ id: row.id, createdAt: row.created_at, trace: row.trace_context }));
  }

  /** One page of the deliveries, newest first, filtered; with how many match across all pages. */
  async list(
    manager: EntityManager,
    filter: DeliveryFilter,
    page: { page: number; pageSize: number },
  ): Promise<{ items: Delivery[]; total: number }> {
    const where = `($1::uuid IS NULL OR recipient_organisation_id = $1)
         AND ($2::text IS NULL OR status = $2)
         AND ($3::text IS NULL OR event_type = $3)
         AND ($4::text IS NULL OR recipient_email = lower($4))
         AND ($5::timestamptz IS NULL OR created_at >= $5)
         AND ($6::timestamptz IS NULL OR created_at < $6)`;
    const parameters = [
      filter.organisationId ?? null,
      filter.status ?? null,
      filter.eventType ?? null,
      filter.recipientEmail ?? null,
      filter.from ?? null,
      filter.to ?? null,
    ];
    const [{ total }]: { total: number }[] = await manager.query(
      `SELECT count(*)::int AS total FROM deliveries WHERE ${where}`,
      parameters,
    );
    const rows: DeliveryRow[] = await manager.query(
      `SELECT ${DELIVERY_COLUMNS} FROM deliveries WHERE ${where}
       ORDER BY created_at DESC, id DESC LIMIT $7 OFFSET $8`,
      [...parameters, page.pageSize, (page.page - 1) * page.pageSize],
    );
    return { items: rows.map(toDelivery), total };
  }
}
