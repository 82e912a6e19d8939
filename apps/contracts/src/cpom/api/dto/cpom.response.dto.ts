import { calendarDateSchema, consultedBodyKinds, opinionOutcomes } from '@tripartite/events';
import { z } from 'zod';
import type { Cpom } from '../../domain/cpom';
import { cpomParties, cpomStatuses } from '../../domain/cpom.types';
import type { CpomWarning } from '../../domain/cpom-completeness.rule';
import { actionSchema, annexSchema, contextSchema, followUpSchema, prioritySchema } from './cpom.request.dto';

const opinionSchema = z.object({
  consultationId: z.uuid(),
  contentVersion: z.number().int(),
  bodyKind: z.enum(consultedBodyKinds),
  bodyName: z.string(),
  outcome: z.enum(opinionOutcomes),
  deliveredOn: calendarDateSchema,
  text: z.string(),
});

const readingSchema = z.object({
  indicatorId: z.uuid(),
  value: z.number().nullable(),
  comment: z.string().nullable(),
});

/** The text of a version, in the order of seed 002 II.4. */
const contentResponseFields = {
  periodStart: calendarDateSchema,
  periodEnd: calendarDateSchema,
  context: contextSchema,
  priorities: z.array(prioritySchema),
  actions: z.array(actionSchema),
  followUp: followUpSchema,
  annexes: z.array(annexSchema),
};

export const cpomResponseSchema = z.object({
  id: z.uuid(),
  version: z.number().int().describe('The aggregate version: send it back in If-Match'),
  status: z.enum(cpomStatuses),
  serviceId: z.uuid(),
  direccteId: z.uuid(),
  caisseId: z.uuid(),
  regions: z.array(z.string()),
  draftedOn: calendarDateSchema,
  contentVersion: z.number().int().describe('The number of the working text'),
  submittedVersion: z.number().int().nullable(),
  submittedOn: calendarDateSchema.nullable(),
  readyOn: calendarDateSchema.nullable(),
  signedOn: calendarDateSchema.nullable(),
  ...contentResponseFields,
  opinions: z.array(opinionSchema).describe('Every opinion received, with the content version it bears on'),
  withReservations: z.boolean().describe('An opinion on the working text is unfavourable or reserved'),
  closedConsultations: z.array(
    z.object({
      consultationId: z.uuid(),
      contentVersion: z.number().int(),
      bodyName: z.string(),
      closedOn: calendarDateSchema,
      reason: z.string(),
    }),
  ),
  signatures: z.array(
    z.object({
      party: z.enum(cpomParties),
      organisationId: z.string(),
      signatory: z.string(),
      role: z.string(),
      signedOn: calendarDateSchema,
      justification: z.string().nullable(),
    }),
  ),
  signedVersions: z.array(
    z.object({
      number: z.number().int(),
      contentHash: z.string().describe('SHA-256 (hex) of the canonical text'),
      signedOn: calendarDateSchema,
      amendmentNumber: z.number().int(),
    }),
  ),
  integrity: z
    .object({ verified: z.boolean(), tamperedVersions: z.array(z.number().int()) })
    .describe('Each signed text hashed again on this read and compared with its SHA-256'),
  agreementLapse: z
    .object({
      agreementId: z.uuid(),
      reason: z.enum(['withdrawn', 'refused_at_renewal', 'expired']),
      lapsedOn: calendarDateSchema,
    })
    .nullable(),
  nextReviewDueOn: calendarDateSchema.nullable(),
  reviews: z.array(
    z.object({
      reviewId: z.uuid(),
      reviewedOn: calendarDateSchema,
      dueOn: calendarDateSchema.nullable(),
      participants: z.array(
        z.object({ name: z.string(), party: z.enum(cpomParties), function: z.string().nullable() }),
      ),
      indicators: z.array(readingSchema),
      difficulties: z.string(),
      decisions: z.string(),
    }),
  ),
  evaluation: z
    .object({ evaluatedOn: calendarDateSchema, summary: z.string(), indicators: z.array(readingSchema) })
    .nullable(),
  amendments: z.array(
    z.object({
      number: z.number().int(),
      basedOnVersion: z.number().int(),
      draftedOn: calendarDateSchema,
      summary: z.string(),
      status: z.enum(['DRAFT', 'SIGNED']),
      signatures: z.array(
        z.object({ party: z.enum(cpomParties), signatory: z.string(), signedOn: calendarDateSchema }),
      ),
      signedOn: calendarDateSchema.nullable(),
    }),
  ),
});
export type CpomResponse = z.infer<typeof cpomResponseSchema>;

export const cpomWarningSchema = z.object({
  code: z.string(),
  field: z.string().nullable(),
  message: z.string(),
  rule: z.string(),
});

export const submittedCpomResponseSchema = cpomResponseSchema.extend({
  warnings: z.array(cpomWarningSchema).describe('Recommendations that did not block the submission'),
});
export type SubmittedCpomResponse = z.infer<typeof submittedCpomResponseSchema>;

export function toCpomResponse(cpom: Cpom): CpomResponse {
  const s = cpom.state;
  const tampered = cpom.tamperedVersions();
  return {
    id: s.id,
    version: cpom.version,
    status: s.status,
    serviceId: s.parties.serviceId,
    direccteId: s.parties.direccteId,
    caisseId: s.parties.caisseId,
    regions: [...s.parties.regions],
    draftedOn: s.draftedOn,
    contentVersion: s.contentVersion,
    submittedVersion: s.submittedVersion,
    submittedOn: s.submittedOn,
    readyOn: s.readyOn,
    signedOn: s.signedOn,
    ...structuredClone(s.content),
    opinions: s.opinions.map((opinion) => ({
      ...opinion,
      bodyKind: opinion.bodyKind as CpomResponse['opinions'][number]['bodyKind'],
    })),
    withReservations: cpom.signedWithReservations,
    closedConsultations: s.closedConsultations.map((closed) => ({ ...closed })),
    signatures: s.signatures.map((signature) => ({ ...signature })),
    signedVersions: s.signedVersions.map(({ number, contentHash, signedOn, amendmentNumber }) => ({
      number,
      contentHash,
      signedOn,
      amendmentNumber,
    })),
    integrity: { verified: tampered.length === 0, tamperedVersions: tampered },
    agreementLapse: s.agreementLapse ? { ...s.agreementLapse } : null,
    nextReviewDueOn: s.nextReviewDueOn,
    reviews: structuredClone(s.reviews),
    evaluation: s.evaluation ? structuredClone(s.evaluation) : null,
    amendments: s.amendments.map(({ content: _, signatures, ...amendment }) => ({
      ...amendment,
      signatures: signatures.map(({ party, signatory, signedOn }) => ({ party, signatory, signedOn })),
    })),
  };
}

export function toSubmittedCpomResponse(cpom: Cpom, warnings: CpomWarning[]): SubmittedCpomResponse {
  return { ...toCpomResponse(cpom), warnings };
}

const versionSummarySchema = z.object({
  number: z.number().int(),
  contentHash: z.string(),
  verified: z.boolean().describe('The text still hashes to its SHA-256'),
  signedOn: calendarDateSchema,
  amendmentNumber: z.number().int().describe('0 for the CPOM as signed, n for the n-th amendment'),
});

export const cpomVersionsResponseSchema = z.object({ versions: z.array(versionSummarySchema) });

export const cpomVersionResponseSchema = versionSummarySchema.extend(contentResponseFields);

export const cpomDiffResponseSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  changes: z.array(
    z.object({
      kind: z.string().describe('priority_added, commitment_changed, target_moved…'),
      subjectId: z.uuid().nullable(),
      text: z.string().describe('The change in words, in French'),
    }),
  ),
});

export function toVersionSummaries(cpom: Cpom): z.infer<typeof cpomVersionsResponseSchema> {
  const tampered = cpom.tamperedVersions();
  return {
    versions: cpom.state.signedVersions.map(({ number, contentHash, signedOn, amendmentNumber }) => ({
      number,
      contentHash,
      verified: !tampered.includes(number),
      signedOn,
      amendmentNumber,
    })),
  };
}
