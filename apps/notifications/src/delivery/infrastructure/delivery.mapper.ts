import type { Delivery, DeliveryStatus, MailAttachment } from '../domain/delivery';

/** The columns every read selects, in the order of `DeliveryRow`. */
export const DELIVERY_COLUMNS = `id, event_id, event_type, template, recipient_email, recipient_name,
  recipient_organisation_id, status, subject, text, html, attachments, attempts, last_smtp_reply,
  last_attempt_at, retries, retried_at, correlation_id, created_at, sent_at, failed_at`;

export interface DeliveryRow {
  id: string;
  event_id: string;
  event_type: string;
  template: string;
  recipient_email: string;
  recipient_name: string | null;
  recipient_organisation_id: string | null;
  status: DeliveryStatus;
  subject: string;
  text: string;
  html: string;
  attachments: MailAttachment[];
  attempts: number;
  last_smtp_reply: string | null;
  last_attempt_at: Date | null;
  retries: number;
  retried_at: Date | null;
  correlation_id: string | null;
  created_at: Date;
  sent_at: Date | null;
  failed_at: Date | null;
}

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
