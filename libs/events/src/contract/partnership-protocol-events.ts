import { z } from 'zod';
import { calendarDateSchema } from '../calendar-date';
import { defineEvent } from '../event-definition';
import { regionCodeSchema } from '../event-envelope';

/**
 * Caisse/SSTi partnership protocols (seed 000, programmes 2 and 6), published by the contracts service.
 * The DIRECCTE is "systématiquement informé de la négociation puis de la conclusion de ces protocoles
 * ainsi que des thèmes choisis et de la mise en œuvre des actions".
 */
export const partnershipThemes = [
  'desinsertion_professionnelle',
  'tracabilite_expositions',
  'etudes_communes',
  'visites_pre_reprise',
  'autre',
] as const;

const protocolSubject = {
  protocolId: z.uuid(),
  serviceId: z.uuid(),
  caisseId: z.uuid(),
  /** The DIRECCTE told at each step. */
  direccteId: z.uuid(),
  regions: z.array(regionCodeSchema).min(1),
  themes: z.array(z.enum(partnershipThemes)).min(1),
};

export const partnershipProtocolNegotiationOpened = defineEvent(
  'partnership_protocol.negotiation_opened',
  1,
  z.object({ ...protocolSubject, openedOn: calendarDateSchema }),
  'A Caisse and an SSTi opened the negotiation of a partnership protocol (seed 000).',
);

export const partnershipProtocolConcluded = defineEvent(
  'partnership_protocol.concluded',
  1,
  z.object({
    ...protocolSubject,
    concludedOn: calendarDateSchema,
    startsOn: calendarDateSchema,
    endsOn: calendarDateSchema.nullable(),
  }),
  'A Caisse and an SSTi concluded a partnership protocol (seed 000: target, half of the SSTi covered).',
);

export const partnershipProtocolProgressRecorded = defineEvent(
  'partnership_protocol.progress_recorded',
  1,
  z.object({ ...protocolSubject, recordedOn: calendarDateSchema, summary: z.string().min(1) }),
  'A progress point on the actions of a partnership protocol (seed 000: the DIRECCTE follows their implementation).',
);

export const partnershipProtocolEnded = defineEvent(
  'partnership_protocol.ended',
  1,
  z.object({ ...protocolSubject, endedOn: calendarDateSchema, reason: z.string() }),
  'A partnership protocol ended.',
);
