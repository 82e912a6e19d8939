import {
  agreementLimitsSchema,
  applicationKinds,
  calendarDateSchema,
  complianceCommitmentSchema,
  complianceGrounds,
  derogationSchema,
  inspectorVerdicts,
  regionCodeSchema,
} from '@tripartite/events';
import { recordedListQuerySchema } from '@tripartite/http';
import { z } from 'zod';

export const fileApplicationRequestSchema = z
  .object({
    serviceId: z.uuid(),
    application: z.enum(applicationKinds),
    /** The day the complete application reached the DIRECCTE: the four months of R.4622-52 run from it. */
    filedOn: calendarDateSchema,
  })
  .strict();

export const inspectorOpinionRequestSchema = z
  .object({ verdict: z.enum(inspectorVerdicts), givenOn: calendarDateSchema, text: z.string().trim().min(1) })
  .strict();

const grantFields = {
  decidedOn: calendarDateSchema,
  validFrom: calendarDateSchema,
  validUntil: calendarDateSchema.optional(),
  limits: agreementLimitsSchema,
  derogations: z.array(derogationSchema).default([]),
};

export const decisionRequestSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('granted'), ...grantFields }).strict(),
  z
    .object({
      outcome: z.literal('conditional'),
      ...grantFields,
      complianceCommitment: complianceCommitmentSchema,
    })
    .strict(),
  z
    .object({
      outcome: z.literal('refused'),
      decidedOn: calendarDateSchema,
      reasons: z.string().trim().min(1),
    })
    .strict(),
]);

export const complianceNoticeRequestSchema = z
  .object({
    grounds: z.enum(complianceGrounds),
    noticeOn: calendarDateSchema,
    deadlineOn: calendarDateSchema,
    text: z.string().trim().min(1),
  })
  .strict();

export const complianceMetRequestSchema = z.object({ metOn: calendarDateSchema }).strict();

export const withdrawalRequestSchema = z
  .object({
    withdrawnOn: calendarDateSchema,
    grounds: z.enum(complianceGrounds),
    text: z.string().trim().min(1),
  })
  .strict();

export const shorteningRequestSchema = z
  .object({
    decidedOn: calendarDateSchema,
    validUntil: calendarDateSchema,
    grounds: z.enum(complianceGrounds),
    text: z.string().trim().min(1),
  })
  .strict();

export const memberInformationRequestSchema = z
  .object({ informedOn: calendarDateSchema, text: z.string().trim().min(1).nullable().default(null) })
  .strict();

/** Query of `GET /api/v1/agreements`: `from`/`to` is when they were recorded on the platform. */
export const listAgreementsQuerySchema = recordedListQuerySchema({
  serviceId: z.uuid().optional(),
  region: regionCodeSchema.optional().describe('One of the regions its service covers'),
  status: z.enum(['requested', 'granted', 'refused', 'withdrawn', 'expired']).optional(),
  expiringBefore: calendarDateSchema.optional().describe('Granted, and its last day is before this date'),
});

export type FileApplicationRequest = z.infer<typeof fileApplicationRequestSchema>;
export type InspectorOpinionRequest = z.infer<typeof inspectorOpinionRequestSchema>;
export type DecisionRequest = z.infer<typeof decisionRequestSchema>;
export type ComplianceNoticeRequest = z.infer<typeof complianceNoticeRequestSchema>;
export type ComplianceMetRequest = z.infer<typeof complianceMetRequestSchema>;
export type WithdrawalRequest = z.infer<typeof withdrawalRequestSchema>;
export type ShorteningRequest = z.infer<typeof shorteningRequestSchema>;
export type MemberInformationRequest = z.infer<typeof memberInformationRequestSchema>;
export type ListAgreementsQuery = z.infer<typeof listAgreementsQuerySchema>;
