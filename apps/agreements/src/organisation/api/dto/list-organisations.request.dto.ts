import { organisationTypes, regionCodeSchema } from '@tripartite/events';
import { z } from 'zod';

/** Query of `GET /api/v1/organisations`. */
export const listOrganisationsQuerySchema = z
  .object({
    type: z.enum(organisationTypes).optional(),
    region: regionCodeSchema.optional(),
    name: z.string().trim().min(1).max(100).optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

export type ListOrganisationsQuery = z.infer<typeof listOrganisationsQuerySchema>;
