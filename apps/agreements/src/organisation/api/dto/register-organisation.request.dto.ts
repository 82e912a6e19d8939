import { contactSchema, organisationTypes, regionCodeSchema } from '@tripartite/events';
import { z } from 'zod';

/** Body of `POST /api/v1/organisations`. The full directory (SIRET, sectors, employees) comes with issue 4. */
export const registerOrganisationRequestSchema = z
  .object({
    type: z.enum(organisationTypes),
    name: z.string().trim().min(1).max(200),
    regions: z.array(regionCodeSchema).min(1).max(4),
    contacts: z
      .array(contactSchema.extend({ function: z.string().max(120).nullable().default(null) }))
      .max(50)
      .default([]),
  })
  .strict();

export type RegisterOrganisationRequest = z.infer<typeof registerOrganisationRequestSchema>;
