import { z } from 'zod';
import { calendarDateSchema } from '../calendar-date';
import { defineEvent } from '../event-definition';
import { regionCodeSchema } from '../event-envelope';
import { cpomContentFields } from './cpom-content';

/**
 * The CPOM facts other services need, published by the contracts service (issue 11).
 *
 * Version 2 of the types defined before the service existed (`contract.submitted`, `.ready_to_sign`,
 * `.signed`, `.amended`): their version 1 was never produced (no producer existed), so no message of it can
 * exist and it is dropped at once (ARCHITECTURE "Change an event"); a consumer still on version 1 parks a
 * version-2 message as unknown until it is upgraded (ADR 0011).
 */
const contractSubject = {
  contractId: z.uuid(),
  serviceId: z.uuid(),
  regions: z.array(regionCodeSchema).min(1),
};

/** The three parties (L.4622-10): the SSTi is `serviceId`; its DIRECCTE and its competent Caisse. */
const parties = {
  caisseId: z.uuid(),
  direccteId: z.uuid(),
};

const period = {
  periodStart: calendarDateSchema,
  periodEnd: calendarDateSchema,
};

export const contractDrafted = defineEvent(
  'contract.drafted',
  1,
  z.object({ ...contractSubject, ...parties, ...period, draftedOn: calendarDateSchema }),
  'A CPOM draft was opened for an SSTi, its DIRECCTE and its competent Caisse (seed 002 II.2).',
);

export const contractSubmitted = defineEvent(
  'contract.submitted',
  2,
  z.object({
    ...contractSubject,
    ...parties,
    ...period,
    /** The content version the consulted bodies give their opinion on. */
    contentVersion: z.number().int().positive(),
    submittedOn: calendarDateSchema,
  }),
  'A complete CPOM was submitted for the opinions of the consulted bodies (CRPRP or its successor, ARS: L.4622-10, D.4622-44).',
);

export const contractSubmissionWithdrawn = defineEvent(
  'contract.submission_withdrawn',
  1,
  z.object({
    ...contractSubject,
    ...parties,
    contentVersion: z.number().int().positive(),
    withdrawnOn: calendarDateSchema,
    reason: z.string(),
  }),
  'A submitted CPOM went back to draft: the consultations on that version close.',
);

export const contractReadyToSign = defineEvent(
  'contract.ready_to_sign',
  2,
  z.object({
    ...contractSubject,
    ...parties,
    contentVersion: z.number().int().positive(),
    readyOn: calendarDateSchema,
    /** An opinion was unfavourable or reserved: signing then requires a written justification. */
    withReservations: z.boolean(),
  }),
  'Every opinion of the consultation plan is in (D.4622-44): the CPOM may be signed.',
);

export const contractSigned = defineEvent(
  'contract.signed',
  2,
  z.object({ ...contractSubject, ...parties, ...period, signedOn: calendarDateSchema, ...cpomContentFields }),
  'The three parties signed a CPOM (L.4622-10, D.4622-47): at most five years.',
);

export const contractRecorded = defineEvent(
  'contract.recorded',
  1,
  contractSigned.schema.extend({
    /** `signed` while its period runs, `expired` once it has ended (recorded with no deadline left). */
    status: z.enum(['signed', 'expired']),
    /** The reference under which the parties filed it, when the record gives one. */
    reference: z.string().min(1).nullable(),
  }),
  'A CPOM signed before the region joined the platform was recorded with its real dates: consumers count it ' +
    'like a signed one; the parties are told it is on the platform, nobody of a new signature.',
);

export const contractAmended = defineEvent(
  'contract.amended',
  2,
  z.object({
    ...contractSubject,
    ...parties,
    ...period,
    amendmentNumber: z.number().int().positive(),
    signedOn: calendarDateSchema,
    summary: z.string(),
    ...cpomContentFields,
  }),
  'The three parties signed an amendment (avenant) to a CPOM (D.4622-47): its contents are the new version.',
);

export const contractReviewDue = defineEvent(
  'contract.review_due',
  1,
  z.object({ ...contractSubject, ...parties, dueOn: calendarDateSchema, daysLeft: z.number().int() }),
  'Reminder: the yearly review of a CPOM by its three parties is due soon (seed 002 II.4).',
);

export const contractReviewOverdue = defineEvent(
  'contract.review_overdue',
  1,
  z.object({ ...contractSubject, ...parties, dueOn: calendarDateSchema }),
  'The yearly review of a CPOM did not take place by its due date (seed 002 II.4).',
);

export const contractReviewCompleted = defineEvent(
  'contract.review_completed',
  1,
  z.object({
    ...contractSubject,
    reviewedOn: calendarDateSchema,
    summary: z.string(),
    /** The next review's due date (added with the contracts service; an optional field keeps the version). */
    nextReviewDueOn: calendarDateSchema.nullable().default(null),
  }),
  'The yearly review of a CPOM by its three parties took place (seed 002 II.4).',
);

export const contractTermDue = defineEvent(
  'contract.term_due',
  1,
  z.object({ ...contractSubject, ...parties, periodEnd: calendarDateSchema, monthsLeft: z.number().int() }),
  'Reminder: a CPOM ends soon; its final evaluation and the next generation are to be prepared (seed 002 II.4).',
);

export const contractEvaluationOverdue = defineEvent(
  'contract.evaluation_overdue',
  1,
  z.object({
    ...contractSubject,
    ...parties,
    periodEnd: calendarDateSchema,
    monthsSinceEnd: z.number().int().positive(),
  }),
  'Alert: a CPOM ended months ago and no final evaluation is recorded (seed 002 II.4).',
);

export const contractExpired = defineEvent(
  'contract.expired',
  1,
  z.object({ ...contractSubject, ...parties, periodEnd: calendarDateSchema }),
  'A CPOM reached its term (D.4622-47); its final evaluation is due.',
);

export const contractEvaluated = defineEvent(
  'contract.evaluated',
  1,
  z.object({ ...contractSubject, evaluatedOn: calendarDateSchema, summary: z.string() }),
  'The final evaluation of a CPOM at its term, which the DIRECCTE weighs at agrément renewal (seed 002 II.4).',
);

/** Why a service's agrément no longer holds. */
export const agreementLapseReasons = ['withdrawn', 'refused_at_renewal', 'expired'] as const;

export const contractAgreementLapsed = defineEvent(
  'contract.agreement_lapsed',
  1,
  z.object({
    ...contractSubject,
    ...parties,
    agreementId: z.uuid(),
    reason: z.enum(agreementLapseReasons),
    lapsedOn: calendarDateSchema,
  }),
  'The agrément of a service with a CPOM in force lapsed (seed 002 I.1: no CPOM without agrément): the CPOM is flagged.',
);
