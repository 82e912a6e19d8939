import {
  calendarDateSchema,
  consultationCloseReasons,
  consultedBodyKinds,
  opinionOutcomes,
  regionCodeSchema,
  votesSchema,
} from '@tripartite/events';
import { pageSchemaOf, recordedListQuerySchema } from '@tripartite/http';
import { z } from 'zod';
import { planSteps } from '../../../consultation-plan/domain/consultation-plan';
import type { Consultation } from '../../domain/consultation';

export const sessionRequestSchema = z.object({ sessionOn: calendarDateSchema }).strict();

export const opinionRequestSchema = z
  .object({
    outcome: z.enum(opinionOutcomes),
    deliveredOn: calendarDateSchema,
    text: z.string().trim().min(1).max(20_000),
    /** The members present (a college body); empty for the ARS. */
    sat: z.array(z.uuid()).max(200).default([]),
    /** The college body's votes; null (or absent) for the ARS. */
    votes: votesSchema.strict().nullable().default(null),
    /** Lets recused members who sat stand, on a written justification (audited). */
    recusalOverride: z
      .object({ justification: z.string().trim().min(20).max(5_000) })
      .strict()
      .optional(),
  })
  .strict();
export type OpinionRequest = z.infer<typeof opinionRequestSchema>;

const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

export const listConsultationsQuerySchema = recordedListQuerySchema({
  region: regionCodeSchema.optional(),
  bodyId: z.uuid().optional(),
  status: z.enum(['pending', 'delivered', 'closed']).optional(),
  contractId: z.uuid().optional(),
  overdue: booleanQuery.optional().describe('Pending past the answer deadline (true) or not (false)'),
});
export type ListConsultationsQuery = z.infer<typeof listConsultationsQuerySchema>;

const recusalSchema = z.object({ memberId: z.uuid(), name: z.string(), link: z.string() });

export const consultationResponseSchema = z.object({
  id: z.uuid(),
  contractId: z.uuid(),
  contractVersion: z.number().int(),
  serviceId: z.uuid(),
  caisseId: z.uuid(),
  direccteId: z.uuid(),
  regions: z.array(regionCodeSchema),
  planId: z.uuid(),
  step: z.enum(planSteps),
  bodyId: z.uuid(),
  bodyKind: z.enum(consultedBodyKinds),
  bodyName: z.string(),
  consultedOrganisationId: z.uuid(),
  status: z.enum(['pending', 'delivered', 'closed']),
  requestedOn: calendarDateSchema,
  answerDueOn: calendarDateSchema,
  overdue: z.boolean().describe('Pending past its answer deadline'),
  session: z.object({ sessionOn: calendarDateSchema, recused: z.array(recusalSchema) }).nullable(),
  opinion: z
    .object({
      outcome: z.enum(opinionOutcomes),
      deliveredOn: calendarDateSchema,
      text: z.string(),
      attending: z.array(z.object({ memberId: z.uuid(), name: z.string() })),
      recused: z.array(recusalSchema),
      votes: votesSchema.nullable(),
      override: z.object({ justification: z.string(), members: z.array(recusalSchema) }).nullable(),
    })
    .nullable(),
  closedOn: calendarDateSchema.nullable(),
  closeReason: z.enum(consultationCloseReasons).nullable(),
  version: z.number().int(),
});
export type ConsultationResponse = z.infer<typeof consultationResponseSchema>;
export const consultationPageSchema = pageSchemaOf(consultationResponseSchema, 'By answer deadline');

export function toConsultationResponse(c: Consultation, today: string): ConsultationResponse {
  return { ...c.state, overdue: c.isOverdue(today) };
}
