import { pageSchemaOf } from '@tripartite/http';
import { z } from 'zod';

export const notificationTemplateSummarySchema = z.object({
  key: z.string().describe('e.g. agreement-renewal-due'),
  description: z.string().describe('What the message is for, in French'),
  eventTypes: z.array(z.string()).describe('The events that send it (rule table)'),
  recipients: z
    .array(z.string())
    .describe('The parties whose contacts receive it: service, direccte, caisse…'),
  why: z.array(z.string()).describe('Why those recipients, per event type'),
  calendarAttachment: z.boolean().describe('Whether the message carries an .ics file'),
});
export type NotificationTemplateSummary = z.infer<typeof notificationTemplateSummarySchema>;

export const notificationTemplatePageSchema = pageSchemaOf(
  notificationTemplateSummarySchema,
  'In the catalogue’s order',
);

export const notificationTemplatePreviewSchema = notificationTemplateSummarySchema.extend({
  sample: z.record(z.string(), z.unknown()).describe('The sample data it was rendered with'),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  attachments: z.array(z.object({ filename: z.string(), contentType: z.string(), content: z.string() })),
});
export type NotificationTemplatePreview = z.infer<typeof notificationTemplatePreviewSchema>;
