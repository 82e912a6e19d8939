import {
  caisseKinds,
  contactSchema,
  organisationTypes,
  regionCodeSchema,
  serviceProfileSchema,
} from '@tripartite/events';
import { z } from 'zod';
import { organisationProfileProblems } from '../../domain/organisation-profile.rule';

export const contactRequestSchema = contactSchema.extend({
  name: z.string().trim().min(1).max(200),
  function: z.string().max(120).nullable().default(null),
});

const serviceProfileRequestSchema = serviceProfileSchema.extend({
  sectors: z.array(z.string().trim().min(1).max(120)).max(100),
  /** The service's competent Caisse; left out, the only Caisse covering its region is taken (issue 9). */
  caisseId: z.uuid().nullable().optional(),
});

/** Body of `POST /api/v1/organisations`. */
export const registerOrganisationRequestSchema = z
  .object({
    type: z.enum(organisationTypes),
    name: z.string().trim().min(1).max(200),
    regions: z.array(regionCodeSchema).min(1).max(4),
    contacts: z.array(contactRequestSchema).max(50).default([]),
    caisseKind: z.enum(caisseKinds).nullable().default(null),
    siret: z.string().nullable().default(null),
    service: serviceProfileRequestSchema.nullable().default(null),
  })
  .strict()
  .superRefine((body, ctx) => {
    for (const problem of organisationProfileProblems(body)) {
      ctx.addIssue({
        code: 'custom',
        path: [problem.field],
        message: problem.message,
        params: { rule: problem.rule },
      });
    }
  });

export type RegisterOrganisationRequest = z.infer<typeof registerOrganisationRequestSchema>;

/** Body of `PATCH /api/v1/organisations/{id}` (with `If-Match`): only the fields that change. */
export const updateOrganisationRequestSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    regions: z.array(regionCodeSchema).min(1).max(4),
    contacts: z.array(contactRequestSchema).max(50),
    caisseKind: z.enum(caisseKinds).nullable(),
    siret: z.string().nullable(),
    service: serviceProfileRequestSchema.nullable(),
  })
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, {
    message: 'names at least one field to change',
    path: [],
  });

export type UpdateOrganisationRequest = z.infer<typeof updateOrganisationRequestSchema>;
