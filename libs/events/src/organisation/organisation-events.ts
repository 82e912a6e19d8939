import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { regionCodeSchema } from '../event-envelope';

export const organisationTypes = [
  'SSTI',
  'SSTA',
  'DIRECCTE',
  'CAISSE',
  'ARS',
  'CRPRP',
  'OPPBTP',
  'DGT',
  'DRP',
] as const;

export const contactSchema = z.object({
  name: z.string().min(1),
  email: z.email(),
  function: z.string().nullable(),
  receivesNotifications: z.boolean(),
});

export const organisationSnapshotSchema = z.object({
  organisationId: z.uuid(),
  type: z.enum(organisationTypes),
  name: z.string().min(1),
  regions: z.array(regionCodeSchema).min(1),
  contacts: z.array(contactSchema),
});

export const organisationRegistered = defineEvent(
  'organisation.registered',
  1,
  organisationSnapshotSchema,
  'An organisation (service, DIRECCTE, Caisse, ARS, CRPRP…) entered the directory.',
);

export const organisationUpdated = defineEvent(
  'organisation.updated',
  1,
  organisationSnapshotSchema,
  'An organisation of the directory changed; the payload is its full new state.',
);
