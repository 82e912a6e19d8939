import { type Page, pageSchemaOf } from '@tripartite/http';
import { z } from 'zod';
import type { ParkedMessageSummary } from '../../parked-message.repository';

export const parkedMessageSchema = z.object({
  id: z.uuid().describe('The id to replay it by'),
  eventId: z.string().nullable().describe("The event's id (null for a body that names none)"),
  type: z.string().nullable().describe('Event type (routing key)'),
  version: z.number().int().nullable().describe('Version the producer wrote'),
  reason: z.string().describe('Why it was parked'),
  unknownVersion: z
    .number()
    .int()
    .nullable()
    .describe(
      'Set when parked for being newer than the consumer read: replayed by the release that reads it',
    ),
  parkedAt: z.string().describe('ISO 8601 instant'),
  attempts: z.number().int().describe('Tries of its handler before it was parked'),
});

export const parkedMessagePageSchema = pageSchemaOf(parkedMessageSchema, 'Oldest first');
export type ParkedMessagePage = Page<z.infer<typeof parkedMessageSchema>>;

export const replayedParkedMessagesSchema = z.object({
  replayed: z
    .array(z.uuid())
    .describe('Put back on the service queue (an event already applied stays applied once)'),
  notFound: z.array(z.uuid()).describe('Asked for but not parked (any more)'),
});
export type ReplayedParkedMessages = z.infer<typeof replayedParkedMessagesSchema>;

export function toParkedMessageResponse(message: ParkedMessageSummary): z.infer<typeof parkedMessageSchema> {
  return { ...message, parkedAt: message.parkedAt.toISOString() };
}
