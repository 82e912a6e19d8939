import { z } from 'zod';
import { calendarDateSchema } from '../calendar-date';
import { defineEvent } from '../event-definition';
import { regionCodeSchema } from '../event-envelope';

/**
 * The CPOM facts other services need, published by the contracts service. Defined ahead of it so that
 * the agrément renewal view and the notifications rule table are ready when it publishes them.
 */
const contractSubject = {
  contractId: z.uuid(),
  serviceId: z.uuid(),
  regions: z.array(regionCodeSchema).min(1),
};

export const contractSigned = defineEvent(
  'contract.signed',
  1,
  z.object({
    ...contractSubject,
    caisseId: z.uuid(),
    direccteId: z.uuid(),
    signedOn: calendarDateSchema,
    periodStart: calendarDateSchema,
    periodEnd: calendarDateSchema,
  }),
  'The three parties signed a CPOM (L.4622-10, D.4622-47): at most five years.',
);

export const contractAmended = defineEvent(
  'contract.amended',
  1,
  z.object({
    ...contractSubject,
    amendmentNumber: z.number().int().positive(),
    signedOn: calendarDateSchema,
    summary: z.string(),
  }),
  'The three parties signed an amendment (avenant) to a CPOM (D.4622-47).',
);

export const contractReviewCompleted = defineEvent(
  'contract.review_completed',
  1,
  z.object({ ...contractSubject, reviewedOn: calendarDateSchema, summary: z.string() }),
  'The yearly review of a CPOM by its three parties took place (seed 002 II.4).',
);

export const contractEvaluated = defineEvent(
  'contract.evaluated',
  1,
  z.object({ ...contractSubject, evaluatedOn: calendarDateSchema, summary: z.string() }),
  'The final evaluation of a CPOM at its term, which the DIRECCTE weighs at agrément renewal (seed 002 II.4).',
);

export const contractSubmitted = defineEvent(
  'contract.submitted',
  1,
  z.object({
    ...contractSubject,
    caisseId: z.uuid(),
    direccteId: z.uuid(),
    submittedOn: calendarDateSchema,
    periodStart: calendarDateSchema,
    periodEnd: calendarDateSchema,
  }),
  'A draft CPOM was submitted by its parties for the CRPRP and ARS opinions (L.4622-10).',
);

export const contractReadyToSign = defineEvent(
  'contract.ready_to_sign',
  1,
  z.object({ ...contractSubject, caisseId: z.uuid(), direccteId: z.uuid(), readyOn: calendarDateSchema }),
  'Both opinions (CRPRP restricted formation and ARS) are in: the CPOM may be signed (D.4622-44).',
);

export const contractReviewDue = defineEvent(
  'contract.review_due',
  1,
  z.object({
    ...contractSubject,
    caisseId: z.uuid(),
    direccteId: z.uuid(),
    dueOn: calendarDateSchema,
    daysLeft: z.number().int(),
  }),
  'Reminder: the yearly review of a CPOM by its three parties is due soon (seed 002 II.4).',
);

export const contractReviewOverdue = defineEvent(
  'contract.review_overdue',
  1,
  z.object({ ...contractSubject, caisseId: z.uuid(), direccteId: z.uuid(), dueOn: calendarDateSchema }),
  'The yearly review of a CPOM did not take place by its due date (seed 002 II.4).',
);
