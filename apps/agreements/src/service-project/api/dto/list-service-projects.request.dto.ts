import { regionCodeSchema } from '@tripartite/events';
import { recordedListQuerySchema } from '@tripartite/http';
import { z } from 'zod';
import { projectStatuses } from '../../domain/service-project.types';

/** Query of `GET /api/v1/service-projects`: `from`/`to` is when they were drafted on the platform. */
export const listServiceProjectsQuerySchema = recordedListQuerySchema({
  serviceId: z.uuid().optional(),
  region: regionCodeSchema.optional().describe('One of the regions its service covers'),
  status: z.enum(projectStatuses).optional(),
});

export type ListServiceProjectsQuery = z.infer<typeof listServiceProjectsQuerySchema>;
