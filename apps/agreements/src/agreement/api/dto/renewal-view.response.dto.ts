import { calendarDateSchema, regionCodeSchema } from '@tripartite/events';
import { z } from 'zod';

const date = calendarDateSchema;
const unknown = z.object({ known: z.literal(false), explanation: z.string() });
const datedNote = z.object({ on: date, summary: z.string() });

/** `GET /agreements/{id}/renewal-view`, as documented in the OpenAPI document (built by RenewalViewQuery). */
export const renewalViewResponseSchema = z.object({
  agreement: z.object({
    id: z.uuid(),
    status: z.string(),
    conditional: z.boolean(),
    validFrom: date.nullable(),
    validUntil: date.nullable(),
    renewalFilingDeadline: date.nullable(),
  }),
  service: z.object({
    id: z.uuid(),
    name: z.string(),
    regions: z.array(regionCodeSchema),
    employeesFollowed: z.number().int().nullable(),
  }),
  renewalApplication: z
    .object({ id: z.uuid(), filedOn: date, lateRenewal: z.boolean(), status: z.string() })
    .nullable(),
  serviceProject: z.union([
    z.object({
      known: z.literal(true),
      projectId: z.uuid(),
      title: z.string(),
      projectVersion: z.number().int(),
      status: z.string(),
      periodStart: date,
      periodEnd: date,
      priorities: z.array(z.string()),
      adoptedOn: date.nullable(),
      approvedOn: date.nullable(),
      pendingRevision: z.boolean(),
    }),
    unknown,
  ]),
  cpom: z.union([
    z.object({
      known: z.literal(true),
      contractId: z.uuid(),
      status: z.enum(['signed', 'evaluated']),
      signedOn: date.nullable(),
      periodStart: date.nullable(),
      periodEnd: date.nullable(),
      amendments: z.number().int(),
      latestReview: datedNote.nullable(),
      finalEvaluation: datedNote.nullable(),
    }),
    unknown,
  ]),
});
