import { z } from 'zod';
import { DELIVERY_STATUSES } from '../../domain/delivery';

export const listNotificationsQuerySchema = z
  .object({
    status: z.enum(DELIVERY_STATUSES).optional(),
    eventType: z.string().min(1).max(100).optional().describe('e.g. organisation.registered'),
    recipient: z.email().optional().describe('E-mail address of the recipient'),
    before: z.uuid().optional().describe('The last id of the previous page'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

export type ListNotificationsQuery = z.infer<typeof listNotificationsQuerySchema>;
