/** pending: recorded, not yet taken by the SMTP server; sent: taken (2xx); failed: refused for good. */
export const DELIVERY_STATUSES = ['pending', 'sent', 'failed'] as const;

export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

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
  /** Tries so far; each try changes the row, so this also versions it. */
  attempts: number;
  lastSmtpReply: string | null;
  lastAttemptAt: Date | null;
  correlationId: string | null;
  createdAt: Date;
  sentAt: Date | null;
  failedAt: Date | null;
}
