import { organisationTypes, regionCodeSchema } from '@tripartite/events';
import { recordedListQuerySchema } from '@tripartite/http';
import { z } from 'zod';

/** Query of `GET /api/v1/organisations`: `from`/`to` is when they were registered on the platform. */
export const listOrganisationsQuerySchema = recordedListQuerySchema({
  type: z.enum(organisationTypes).optional(),
  region: regionCodeSchema.optional().describe('One of the regions it covers'),
  name: z.string().trim().min(1).max(100).optional().describe('Part of its name, in any case'),
});

export type ListOrganisationsQuery = z.infer<typeof listOrganisationsQuerySchema>;
