import {
  agreementLimitsSchema,
  applicationKinds,
  calendarDateSchema,
  complianceCommitmentSchema,
  complianceGrounds,
  derogationSchema,
  inspectorVerdicts,
  regionCodeSchema,
  renewalExaminationSchema,
} from '@tripartite/events';
import { recordedListQuerySchema } from '@tripartite/http';
import { z } from 'zod';
import {
  DEROGATION_RULE,
  DEROGATION_WITHOUT_CONDITION,
  derogationsWithoutCondition,
} from '../../domain/derogation.rule';

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

/** Derogations state the conditions they rest on (seed 002 I.1): a request without any is malformed (400). */
const derogationsSchema = z
  .array(derogationSchema)
  .max(50)
  .default([])
  .superRefine((derogations, ctx) => {
    for (const index of derogationsWithoutCondition(derogations)) {
      ctx.addIssue({
        code: 'custom',
        path: [index, 'conditions'],
        message: DEROGATION_WITHOUT_CONDITION,
        params: { rule: DEROGATION_RULE },
      });
    }
  });

const grantFields = {
  decidedOn: calendarDateSchema,
  validFrom: calendarDateSchema,
  validUntil: calendarDateSchema.optional(),
  limits: agreementLimitsSchema,
  derogations: derogationsSchema,
};

/** With a decision on a renewal: what the DIRECCTE found of the CPOM and of the service project (seed 002 I.1). */
const renewalExaminationField = { renewalExamination: renewalExaminationSchema.optional() };

export const decisionRequestSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('granted'), ...grantFields, ...renewalExaminationField }).strict(),
  z
    .object({
      outcome: z.literal('conditional'),
      ...grantFields,
      complianceCommitment: complianceCommitmentSchema,
      ...renewalExaminationField,
    })
    .strict(),
  z
    .object({
      outcome: z.literal('refused'),
      decidedOn: calendarDateSchema,
      reasons: z.string().trim().min(1),
      ...renewalExaminationField,
    })
    .strict(),
]);

/** An agrément granted before the region joined the platform, as it stands (ADR 0009). */
export const recordExistingAgreementRequestSchema = z
  .object({
    serviceId: z.uuid(),
    outcome: z.enum(['granted', 'conditional']),
    decidedOn: calendarDateSchema,
    validFrom: calendarDateSchema,
    validUntil: calendarDateSchema.optional(),
    limits: agreementLimitsSchema,
    derogations: derogationsSchema,
    complianceCommitment: complianceCommitmentSchema.nullable().default(null),
    inspectorOpinion: z
      .object({
        verdict: z.enum(inspectorVerdicts),
        givenOn: calendarDateSchema,
        text: z.string().trim().min(1),
      })
      .strict()
      .nullable()
      .default(null),
    reference: z.string().trim().min(1).max(200).nullable().default(null),
  })
  .strict();

export const complianceNoticeRequestSchema = z
  .object({
    grounds: z.enum(complianceGrounds),
    noticeOn: calendarDateSchema,
    deadlineOn: calendarDateSchema,
    text: z.string().trim().min(1),
  })
  .strict();

export const complianceMetRequestSchema = z.object({ metOn: calendarDateSchema }).strict();

/** The grounds are those of the lapsed notice (D.4622-51 2°): taken from it when left out, checked when given. */
export const withdrawalRequestSchema = z
  .object({
    withdrawnOn: calendarDateSchema,
    grounds: z.enum(complianceGrounds).optional(),
    text: z.string().trim().min(1),
  })
  .strict();

export const shorteningRequestSchema = z
  .object({
    decidedOn: calendarDateSchema,
    validUntil: calendarDateSchema,
    grounds: z.enum(complianceGrounds).optional(),
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
export type RecordExistingAgreementRequest = z.infer<typeof recordExistingAgreementRequestSchema>;
export type ListAgreementsQuery = z.infer<typeof listAgreementsQuerySchema>;
