import { pageSchemaOf } from '@tripartite/http';
import { z } from 'zod';

export const notificationTemplateSummarySchema = z.object({
  key: z.string().describe('e.g. agreement-renewal-due'),
  description: z.string().describe('What the message is for, in French'),
  eventTypes: z.array(z.string()).describe('The events that send it (rule table)'),
  recipients: z
    .array(z.string())
    .describe(
      'The parties whose contacts receive it: service, direccte, caisse (the CPOM’s), competentCaisse (the service’s own)…',
    ),
  why: z.array(z.string()).describe('Why those recipients, per event type'),
  calendarAttachment: z.boolean().describe('Whether the message carries an .ics file'),
});
export type NotificationTemplateSummary = z.infer<typeof notificationTemplateSummarySchema>;

export const notificationTemplatePageSchema = pageSchemaOf(
  notificationTemplateSummarySchema,
  'In the catalogue’s order',
);

export const notificationTemplatePreviewSchema = notificationTemplateSummarySchema.extend({
  sampleEvent: z
    .object({ type: z.string(), payload: z.record(z.string(), z.unknown()) })
    .describe('The sample event the preview comes from: its rule row decided the recipient and the data'),
  sampleRecipientParty: z
    .string()
    .describe('The party of the rule row whose contact the sample greets (its first recipient)'),
  sample: z.record(z.string(), z.unknown()).describe('The data the rule row built, and it was rendered with'),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  attachments: z.array(z.object({ filename: z.string(), contentType: z.string(), content: z.string() })),
});
export type NotificationTemplatePreview = z.infer<typeof notificationTemplatePreviewSchema>;
