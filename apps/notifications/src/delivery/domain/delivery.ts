/** pending: recorded, not yet taken by the SMTP server; sent: taken (2xx); failed: refused for good. */
export const DELIVERY_STATUSES = ['pending', 'sent', 'failed'] as const;

export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** A file sent with a message (the .ics of a reminder), rendered with it. */
export interface MailAttachment {
  filename: string;
  /** e.g. `text/calendar; charset=utf-8; method=PUBLISH`. */
  contentType: string;
  content: string;
}

/**
 * One e-mail to one recipient because of one event: rendered once, when the event is applied, so a
 * resend shows exactly what was decided then. Unique on (eventId, recipientEmail).
 */
export interface Delivery {
  id: string;
  eventId: string;
  eventType: string;
  template: string;
  recipientEmail: string;
  recipientName: string | null;
  recipientOrganisationId: string | null;
  status: DeliveryStatus;
  subject: string;
  text: string;
  html: string;
  attachments: MailAttachment[];
  /** Tries so far. */
  attempts: number;
  lastSmtpReply: string | null;
  lastAttemptAt: Date | null;
  /** Times a person put the failed delivery back to pending (POST …/retry), and the last time. */
  retries: number;
  retriedAt: Date | null;
  correlationId: string | null;
  createdAt: Date;
  sentAt: Date | null;
  failedAt: Date | null;
}

/** Every change of a delivery is a try or a retry: their sum versions it (the ETag). */
export function versionOf(delivery: Pick<Delivery, 'attempts' | 'retries'>): number {
  return delivery.attempts + delivery.retries;
}

/**
 * When the give-up delay of transient refusals starts: at the decision, or at the last retry asked by
 * a person (otherwise a delivery given up after 48 hours would be given up again at its first refusal).
 */
export function giveUpClockStart(delivery: Pick<Delivery, 'createdAt' | 'retriedAt'>): Date {
  return delivery.retriedAt ?? delivery.createdAt;
}
