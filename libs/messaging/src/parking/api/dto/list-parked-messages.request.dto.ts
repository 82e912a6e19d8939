import { recordedListQuerySchema } from '@tripartite/http';
import type { z } from 'zod';

/** Query of `GET /api/v1/admin/<service>/parked-messages`: `from`/`to` is when they were parked. */
export const listParkedMessagesQuerySchema = recordedListQuerySchema({});

export type ListParkedMessagesQuery = z.infer<typeof listParkedMessagesQuerySchema>;
