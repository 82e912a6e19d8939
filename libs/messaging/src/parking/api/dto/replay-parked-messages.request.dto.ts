import { z } from 'zod';

/** Body of `POST /api/v1/admin/<service>/parked-messages/replay`: the ids listed, or every one. */
export const replayParkedMessagesRequestSchema = z
  .strictObject({
    ids: z
      .array(z.uuid())
      .min(1)
      .max(500)
      .optional()
      .describe('Parked messages to replay, by the id the list gives'),
    all: z.literal(true).optional().describe('Replay every parked message'),
  })
  .refine((body) => (body.ids === undefined) !== (body.all === undefined), {
    message: 'give either ids or all: true',
    path: ['ids'],
  });

export type ReplayParkedMessagesRequest = z.infer<typeof replayParkedMessagesRequestSchema>;
