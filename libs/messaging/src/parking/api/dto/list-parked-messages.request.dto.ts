import { z } from 'zod';

/** Query of `GET /api/v1/admin/<service>/parked-messages`. */
export const listParkedMessagesQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

export type ListParkedMessagesQuery = z.infer<typeof listParkedMessagesQuerySchema>;
