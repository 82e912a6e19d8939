import {
  calendarDateSchema,
  consultedBodyKinds,
  indicatorDirections,
  indicatorFrequencies,
  indicatorKinds,
  indicatorPurposes,
  opinionOutcomes,
  priorityOrigins,
  regionCodeSchema,
} from '@tripartite/events';
import { recordedListQuerySchema } from '@tripartite/http';
import { z } from 'zod';
import { annexKinds, cpomStatuses, followUpBodies, reviewFrequencies } from '../../domain/cpom.types';

const shortText = z.string().trim().min(1).max(300);
const longText = z.string().trim().max(20_000);

export const indicatorSchema = z
  .object({
    indicatorId: z.uuid(),
    name: shortText,
    kind: z.enum(indicatorKinds),
    purpose: z.enum(indicatorPurposes),
    unit: z.string().trim().min(1).max(60).nullable().default(null),
    baseline: z.number().finite().nullable().default(null),
    target: z.number().finite().nullable().default(null),
    direction: z.enum(indicatorDirections).nullable().default(null),
    frequency: z.enum(indicatorFrequencies).default('yearly'),
  })
  .strict();

export const meanSchema = z
  .object({
    party: z.enum(['direccte', 'caisse']),
    code: z.string().trim().min(1).max(60).nullable().default(null),
    text: z.string().trim().min(1).max(2_000).nullable().default(null),
  })
  .strict();

export const actionSchema = z
  .object({
    actionId: z.uuid(),
    priorityId: z.uuid(),
    title: shortText,
    theme: z.string().trim().min(1).max(48),
    commitments: z
      .object({ service: longText.default(''), direccte: longText.default(''), caisse: longText.default('') })
      .strict()
      .default({ service: '', direccte: '', caisse: '' }),
    means: z.array(meanSchema).max(50).default([]),
    indicators: z.array(indicatorSchema).max(100).default([]),
    expectedResults: longText.default(''),
  })
  .strict();

export const prioritySchema = z
  .object({
    priorityId: z.uuid(),
    title: shortText,
    origins: z.array(z.enum(priorityOrigins)).min(1).max(4),
    sharedWithServiceIds: z.array(z.uuid()).max(50).default([]),
  })
  .strict();

export const annexSchema = z
  .object({
    kind: z.enum(annexKinds),
    title: shortText,
    date: calendarDateSchema.nullable().default(null),
    parties: z.array(shortText).max(10).default([]),
    reference: z.string().trim().min(1).max(200).nullable().default(null),
  })
  .strict();

export const contextSchema = z
  .object({
    regionalDiagnosisId: z.uuid().nullable().default(null),
    commonReferences: z
      .object({
        prst: z.string().trim().min(1).max(300).nullable().default(null),
        cogAtmp: z.string().trim().min(1).max(300).nullable().default(null),
      })
      .strict()
      .default({ prst: null, cogAtmp: null }),
    localDiagnosis: longText.default(''),
  })
  .strict();

/** Seed 002 II.4: "un examen au moins annuel" — yearly or more often. */
export const followUpSchema = z
  .object({
    reviewFrequency: z.enum(reviewFrequencies).default('yearly'),
    bodiesInformed: z.array(z.enum(followUpBodies)).max(2).default(['cmt', 'board']),
  })
  .strict();

const contentFields = {
  periodStart: calendarDateSchema,
  periodEnd: calendarDateSchema,
  context: contextSchema.default({
    regionalDiagnosisId: null,
    commonReferences: { prst: null, cogAtmp: null },
    localDiagnosis: '',
  }),
  priorities: z.array(prioritySchema).max(30).default([]),
  actions: z.array(actionSchema).max(100).default([]),
  followUp: followUpSchema.default({ reviewFrequency: 'yearly', bodiesInformed: ['cmt', 'board'] }),
  annexes: z.array(annexSchema).max(50).default([]),
};

/** The parts of the contents a change names, each replaced whole (a draft's PATCH, an amendment). */
const contentParts = {
  periodStart: contentFields.periodStart.optional(),
  periodEnd: contentFields.periodEnd.optional(),
  context: contextSchema.optional(),
  priorities: z.array(prioritySchema).max(30).optional(),
  actions: z.array(actionSchema).max(100).optional(),
  followUp: followUpSchema.optional(),
  annexes: z.array(annexSchema).max(50).optional(),
};

/**
 * Body of `POST /api/v1/cpoms`: the three parties and the contents in the order of seed 002 II.4. The ids
 * of priorities, actions and indicators are the client's (UUIDs): they stay from version to version, so a
 * diff says which one changed. Shapes are checked here (400); the rules of the contents are the domain's (422).
 */
export const draftCpomRequestSchema = z
  .object({ serviceId: z.uuid(), direccteId: z.uuid(), caisseId: z.uuid(), ...contentFields })
  .strict();
export type DraftCpomRequest = z.infer<typeof draftCpomRequestSchema>;

/** Body of `PATCH /api/v1/cpoms/{id}`: the parts of the draft to replace, each whole. */
export const reviseCpomRequestSchema = z
  .object(contentParts)
  .strict()
  .refine((body) => Object.keys(body).length > 0, {
    message: 'name at least one part of the contents to change',
  });
export type ReviseCpomRequest = z.infer<typeof reviseCpomRequestSchema>;

/** Body of `POST /api/v1/cpoms/{id}/signatures`. */
export const signCpomRequestSchema = z
  .object({
    signedOn: calendarDateSchema,
    /** Required when an opinion on the version is unfavourable or reserved. */
    justification: z.string().trim().min(1).max(5_000).nullable().optional(),
  })
  .strict();
export type SignCpomRequest = z.infer<typeof signCpomRequestSchema>;

/** Query of `DELETE /api/v1/cpoms/{id}/submission`. */
export const withdrawCpomSubmissionQuerySchema = z
  .object({ reason: z.string().trim().min(1).max(500).default('Soumission retirée par les parties') })
  .strict();

/** Query of `GET /api/v1/cpoms`: `from`/`to` is when they were drafted on the platform. */
export const listCpomsQuerySchema = recordedListQuerySchema({
  region: regionCodeSchema.optional(),
  serviceId: z.uuid().optional(),
  status: z.enum(cpomStatuses).optional(),
  theme: z.string().trim().min(1).max(48).optional(),
  inForceOn: calendarDateSchema.optional().describe('Signed and in force on this day'),
  reviewOverdue: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional()
    .describe('Only those whose yearly review is past due today'),
});
export type ListCpomsQuery = z.infer<typeof listCpomsQuerySchema>;

const readingSchema = z
  .object({
    indicatorId: z.uuid(),
    value: z.number().finite().nullable().default(null),
    comment: z.string().trim().min(1).max(5_000).nullable().default(null),
  })
  .strict();

/** Body of `POST /api/v1/cpoms/{id}/annual-reviews` (seed 002 II.4). */
export const recordCpomReviewRequestSchema = z
  .object({
    reviewedOn: calendarDateSchema,
    participants: z
      .array(
        z
          .object({
            name: shortText,
            party: z.enum(['service', 'direccte', 'caisse']),
            function: z.string().trim().min(1).max(200).nullable().default(null),
          })
          .strict(),
      )
      .min(1)
      .max(50),
    indicators: z.array(readingSchema).max(500).default([]),
    difficulties: longText.default(''),
    decisions: longText.default(''),
  })
  .strict();
export type RecordCpomReviewRequest = z.infer<typeof recordCpomReviewRequestSchema>;

/** Body of `POST /api/v1/cpoms/{id}/evaluation` (seed 002 II.4). */
export const evaluateCpomRequestSchema = z
  .object({
    evaluatedOn: calendarDateSchema,
    summary: z.string().trim().min(1).max(20_000),
    indicators: z.array(readingSchema).max(500).default([]),
  })
  .strict();
export type EvaluateCpomRequest = z.infer<typeof evaluateCpomRequestSchema>;

/** Body of `POST /api/v1/cpoms/existing`: a CPOM signed before the region joined the platform. */
export const recordExistingCpomRequestSchema = z
  .object({
    serviceId: z.uuid(),
    direccteId: z.uuid(),
    caisseId: z.uuid(),
    ...contentFields,
    signedOn: calendarDateSchema,
    /** The reference under which the parties filed it. */
    reference: z.string().trim().min(1).max(200).nullable().default(null),
    /** The opinions it was concluded after (CRPRP or its successor, ARS), as far as they are known. */
    opinions: z
      .array(
        z
          .object({
            consultationId: z.uuid(),
            bodyKind: z.enum(consultedBodyKinds),
            bodyName: shortText,
            outcome: z.enum(opinionOutcomes),
            deliveredOn: calendarDateSchema,
            text: z.string().trim().max(20_000).default(''),
          })
          .strict(),
      )
      .max(10)
      .default([]),
  })
  .strict();
export type RecordExistingCpomRequest = z.infer<typeof recordExistingCpomRequestSchema>;

/** Body of `POST /api/v1/cpoms/{id}/amendments`: what the amendment says, and the parts of the text it replaces. */
export const draftCpomAmendmentRequestSchema = z
  .object({
    summary: z.string().trim().min(1).max(2_000),
    ...contentParts,
  })
  .strict();
export type DraftCpomAmendmentRequest = z.infer<typeof draftCpomAmendmentRequestSchema>;

/** Body of `POST /api/v1/cpoms/{id}/amendments/{number}/signatures`. */
export const signCpomAmendmentRequestSchema = z.object({ signedOn: calendarDateSchema }).strict();
export type SignCpomAmendmentRequest = z.infer<typeof signCpomAmendmentRequestSchema>;
