import { recordedListQuerySchema } from '@tripartite/http';
import { z } from 'zod';
import { DELIVERY_STATUSES } from '../../domain/delivery';

/** Query of `GET /api/v1/notifications`: `from`/`to` is when the e-mails were recorded. */
export const listNotificationsQuerySchema = recordedListQuerySchema({
  status: z.enum(DELIVERY_STATUSES).optional(),
  eventType: z.string().min(1).max(100).optional().describe('e.g. agreement.renewal_due'),
  recipient: z.email().optional().describe('E-mail address of the recipient'),
});

export type ListNotificationsQuery = z.infer<typeof listNotificationsQuerySchema>;
