import type { Delivery } from '../domain/delivery';

/** The columns every read selects, in the order of `DeliveryRow`. */
export const DELIVERY_COLUMNS = `id, event_id, event_type, template, recipient_email, recipient_name,
  recipient_organisation_id, status, subject, text, html, attachments, attempts, last_smtp_reply,
  last_attempt_at, retries, retried_at, correlation_id, created_at, sent_at, failed_at`;

/** `fooBar` → `foo_bar`: a field of the domain as its column is named. */
type Snake<S extends string> = S extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`}${Snake<Tail>}`
  : S;

/** A delivery as PostgreSQL answers it: each field of the domain under its column's name. */
export type DeliveryRow = { [K in keyof Delivery as Snake<K>]: Delivery[K] };

export function toDelivery(row: DeliveryRow): Delivery {
  return {
    id: row.id,
    eventId: row.event_id,
    eventType: row.event_type,
    template: row.template,
    recipientEmail: row.recipient_email,
    recipientName: row.recipient_name,
    recipientOrganisationId: row.recipient_organisation_id,
    status: row.status,
    subject: row.subject,
    text: row.text,
    html: row.html,
    attachments: row.attachments,
    attempts: row.attempts,
    lastSmtpReply: row.last_smtp_reply,
    lastAttemptAt: row.last_attempt_at,
    retries: row.retries,
    retriedAt: row.retried_at,
    correlationId: row.correlation_id,
    createdAt: row.created_at,
    sentAt: row.sent_at,
    failedAt: row.failed_at,
  };
}
