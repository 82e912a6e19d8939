import { type Page, pageSchemaOf } from '@tripartite/http';
import { z } from 'zod';
import { DELIVERY_STATUSES, type Delivery, versionOf } from '../../domain/delivery';

export const notificationSummarySchema = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  eventType: z.string(),
  template: z.string(),
  recipient: z.object({
    email: z.string(),
    name: z.string().nullable(),
    organisationId: z.uuid().nullable(),
  }),
  status: z.enum(DELIVERY_STATUSES),
  subject: z.string(),
  attempts: z.number().int(),
  retries: z.number().int().describe('Times a person sent it again after it failed'),
  hasAttachments: z.boolean(),
  lastSmtpReply: z.string().nullable().describe('The SMTP server’s last reply, or the connection error'),
  createdAt: z.string().describe('ISO 8601 instant the delivery was recorded'),
  sentAt: z.string().nullable(),
  failedAt: z.string().nullable(),
});
export type NotificationSummary = z.infer<typeof notificationSummarySchema>;

export const notificationDetailSchema = notificationSummarySchema.extend({
  text: z.string().describe('Plain-text body, as rendered when the event was applied'),
  html: z.string().describe('HTML body, as rendered when the event was applied'),
  attachments: z.array(
    z.object({
      filename: z.string(),
      contentType: z.string(),
      content: z.string().describe('The file as sent (an iCalendar text for a reminder)'),
    }),
  ),
  version: z.number().int().describe('Tries plus retries: the ETag'),
  lastAttemptAt: z.string().nullable(),
  retriedAt: z.string().nullable(),
  correlationId: z.string().nullable(),
});
export type NotificationDetail = z.infer<typeof notificationDetailSchema>;

export const notificationPageSchema = pageSchemaOf(notificationSummarySchema, 'Newest first');
export type NotificationPage = Page<NotificationSummary>;

export function toNotificationSummary(d: Delivery): NotificationSummary {
  return {
    id: d.id,
    eventId: d.eventId,
    eventType: d.eventType,
    template: d.template,
    recipient: { email: d.recipientEmail, name: d.recipientName, organisationId: d.recipientOrganisationId },
    status: d.status,
    subject: d.subject,
    attempts: d.attempts,
    retries: d.retries,
    hasAttachments: d.attachments.length > 0,
    lastSmtpReply: d.lastSmtpReply,
    createdAt: d.createdAt.toISOString(),
    sentAt: d.sentAt?.toISOString() ?? null,
    failedAt: d.failedAt?.toISOString() ?? null,
  };
}

export function toNotificationDetail(d: Delivery): NotificationDetail {
  return {
    ...toNotificationSummary(d),
    text: d.text,
    html: d.html,
    attachments: d.attachments.map((a) => ({ ...a })),
    version: versionOf(d),
    lastAttemptAt: d.lastAttemptAt?.toISOString() ?? null,
    retriedAt: d.retriedAt?.toISOString() ?? null,
    correlationId: d.correlationId,
  };
}
