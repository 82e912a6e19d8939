import { organisationSnapshotSchema } from '@tripartite/events';
import { z } from 'zod';
import type { Organisation } from '../../domain/organisation';

export const organisationResponseSchema = organisationSnapshotSchema
  .omit({ organisationId: true })
  .extend({ id: z.uuid(), version: z.number().int() });

export type OrganisationResponse = z.infer<typeof organisationResponseSchema>;

export function toOrganisationResponse(organisation: Organisation): OrganisationResponse {
  const { organisationId, ...rest } = organisation.snapshot();
  return { id: organisationId, ...rest, version: organisation.version };
}
