import { z } from 'zod';
import { calendarDateSchema } from '../calendar-date';
import { defineEvent } from '../event-definition';
import { regionCodeSchema } from '../event-envelope';

/** The bodies consulted before a CPOM is concluded (L.4622-10): the CRPRP's restricted formation and the ARS. */
export const consultedBodies = ['CRPRP', 'ARS'] as const;
export const opinionOutcomes = ['favourable', 'unfavourable', 'reserved'] as const;

/**
 * Consultation facts, published by the consultations service. Defined ahead of it so that the
 * notifications rule table is ready when it publishes them.
 */
const consultationSubject = {
  consultationId: z.uuid(),
  contractId: z.uuid(),
  serviceId: z.uuid(),
  regions: z.array(regionCodeSchema).min(1),
  body: z.enum(consultedBodies),
  /** The organisation asked: the region's CRPRP (CROCT) or ARS. */
  consultedOrganisationId: z.uuid(),
};

export const consultationOpinionRequested = defineEvent(
  'consultation.opinion_requested',
  1,
  z.object({ ...consultationSubject, requestedOn: calendarDateSchema, answerDueOn: calendarDateSchema }),
  'The CRPRP restricted formation or the ARS was asked for its opinion on a CPOM (L.4622-10).',
);

export const consultationOpinionDelivered = defineEvent(
  'consultation.opinion_delivered',
  1,
  z.object({
    ...consultationSubject,
    outcome: z.enum(opinionOutcomes),
    deliveredOn: calendarDateSchema,
    text: z.string(),
  }),
  'The CRPRP restricted formation or the ARS gave its opinion on a CPOM.',
);

export const consultationOpinionOverdue = defineEvent(
  'consultation.opinion_overdue',
  1,
  z.object({ ...consultationSubject, answerDueOn: calendarDateSchema }),
  'No opinion was given by the deadline set when it was asked (platform setting, default 30 days).',
);
