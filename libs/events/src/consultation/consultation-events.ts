import { z } from 'zod';
import { calendarDateSchema } from '../calendar-date';
import { defineEvent } from '../event-definition';
import { regionCodeSchema } from '../event-envelope';

/**
 * Consultation facts, published by the consultations service (issue 12).
 *
 * The kinds of body consulted on a CPOM changed over time (seed 002 I.2, II.3; L.4622-10, D.4622-44): the
 * CRPRP's restricted formation (2012–2016), the GPRO (2017–2022), the CRPST since 2022 (whose opinion the
 * CROCT then adopts), and the ARS.
 *
 * `consultation.opinion_delivered` is version 2 of the type defined before the service existed;
 * `consultation.opinion_requested` and `consultation.opinion_overdue` were replaced by `consultation.requested`
 * and `consultation.answer_overdue`. None of them was ever produced, so no message of them can exist.
 */
export const consultedBodyKinds = ['CRPRP_RESTRICTED', 'GPRO', 'CRPST', 'CROCT', 'ARS'] as const;
export type ConsultedBodyKind = (typeof consultedBodyKinds)[number];
export const opinionOutcomes = ['favourable', 'unfavourable', 'reserved'] as const;

const consultationSubject = {
  consultationId: z.uuid(),
  contractId: z.uuid(),
  /** The CPOM's content version the opinion bears on. */
  contractVersion: z.number().int().positive(),
  serviceId: z.uuid(),
  regions: z.array(regionCodeSchema).min(1),
  bodyId: z.uuid(),
  bodyKind: z.enum(consultedBodyKinds),
  bodyName: z.string().min(1),
  /** The organisation of the directory that answers for the body (the CRPRP secretariat or the ARS): told by e-mail. */
  consultedOrganisationId: z.uuid(),
};

export const votesSchema = z.object({
  for: z.number().int().nonnegative(),
  against: z.number().int().nonnegative(),
  abstentions: z.number().int().nonnegative(),
});

export const consultationRequested = defineEvent(
  'consultation.requested',
  1,
  z.object({ ...consultationSubject, requestedOn: calendarDateSchema, answerDueOn: calendarDateSchema }),
  'A body of the region’s consultation plan was asked for its opinion on a CPOM version (L.4622-10).',
);

export const consultationSessionScheduled = defineEvent(
  'consultation.session_scheduled',
  1,
  z.object({
    ...consultationSubject,
    sessionOn: calendarDateSchema,
    /** D.4622-44: members whose declaration of interests links them to the service do not sit. */
    recusedMembers: z.array(z.object({ memberId: z.uuid(), name: z.string(), link: z.string() })),
  }),
  'The body scheduled the session where it examines the CPOM; the recused members are listed (D.4622-44).',
);

export const consultationOpinionDelivered = defineEvent(
  'consultation.opinion_delivered',
  2,
  z.object({
    ...consultationSubject,
    outcome: z.enum(opinionOutcomes),
    deliveredOn: calendarDateSchema,
    text: z.string(),
    /** The college body's votes; null for the ARS. */
    votes: votesSchema.nullable(),
  }),
  'A consulted body gave its opinion on a CPOM version.',
);

export const consultationCompleted = defineEvent(
  'consultation.completed',
  1,
  z.object({
    contractId: z.uuid(),
    contractVersion: z.number().int().positive(),
    serviceId: z.uuid(),
    regions: z.array(regionCodeSchema).min(1),
    completedOn: calendarDateSchema,
    opinions: z
      .array(
        z.object({
          consultationId: z.uuid(),
          bodyKind: z.enum(consultedBodyKinds),
          bodyName: z.string(),
          outcome: z.enum(opinionOutcomes),
          deliveredOn: calendarDateSchema,
          text: z.string(),
        }),
      )
      .min(1),
  }),
  'Every opinion of the consultation plan is in on a CPOM version (D.4622-44): it may be signed.',
);

export const consultationAnswerDue = defineEvent(
  'consultation.answer_due',
  1,
  z.object({ ...consultationSubject, answerDueOn: calendarDateSchema, daysLeft: z.number().int() }),
  'Reminder to the consulted body: its answer is due (platform setting, default 30 days; no legal deadline).',
);

export const consultationAnswerOverdue = defineEvent(
  'consultation.answer_overdue',
  1,
  z.object({ ...consultationSubject, answerDueOn: calendarDateSchema }),
  'The consulted body gave no opinion by the answer deadline.',
);

export const consultationCloseReasons = ['submission_withdrawn', 'superseded'] as const;

export const consultationClosed = defineEvent(
  'consultation.closed',
  1,
  z.object({
    ...consultationSubject,
    closedOn: calendarDateSchema,
    reason: z.enum(consultationCloseReasons),
  }),
  'A pending consultation closed without opinion: the submission was withdrawn or a new version replaced it.',
);

/** The year's agrément figures of a region, projected from `agreement.*` events (seed 002 I.2). */
export const agrementPolicyFiguresSchema = z.object({
  granted: z.number().int().nonnegative(),
  conditional: z.number().int().nonnegative(),
  implicit: z.number().int().nonnegative(),
  refused: z.number().int().nonnegative(),
  withdrawn: z.number().int().nonnegative(),
  expiringNextYear: z.number().int().nonnegative(),
});

const reportSubject = {
  reportId: z.uuid(),
  regions: z.array(regionCodeSchema).min(1),
  year: z.number().int().min(2000).max(9999),
};

export const agrementPolicyReportDue = defineEvent(
  'consultation.agrement_policy_report_due',
  1,
  z.object({ ...reportSubject, dueOn: calendarDateSchema, daysLeft: z.number().int() }),
  'Reminder to the DIRECCTE: the body is to be informed of the year’s regional agrément policy (seed 002 I.2).',
);

export const agrementPolicyReportPresented = defineEvent(
  'consultation.agrement_policy_report_presented',
  1,
  z.object({
    ...reportSubject,
    bodyId: z.uuid(),
    presentedOn: calendarDateSchema,
    figures: agrementPolicyFiguresSchema,
  }),
  'The DIRECCTE informed the body of the year’s regional agrément policy (seed 002 I.2).',
);
