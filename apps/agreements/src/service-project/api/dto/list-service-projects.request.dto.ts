import { regionCodeSchema } from '@tripartite/events';
import { z } from 'zod';
import { projectStatuses } from '../../domain/service-project.types';

/** Query of `GET /api/v1/service-projects`. */
export const listServiceProjectsQuerySchema = z
  .object({
    serviceId: z.uuid().optional(),
    region: regionCodeSchema.optional(),
    status: z.enum(projectStatuses).optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

export type ListServiceProjectsQuery = z.infer<typeof listServiceProjectsQuerySchema>;
