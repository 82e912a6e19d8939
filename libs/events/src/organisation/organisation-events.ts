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

/** The regional social-security fund a Caisse is: CARSAT, CGSS (overseas) or CRAMIF (Île-de-France). */
export const caisseKinds = ['CARSAT', 'CGSS', 'CRAMIF'] as const;

/** What the directory knows of an occupational health service (SSTI or SSTA). */
export const serviceProfileSchema = z.object({
  employeesFollowed: z.number().int().nonnegative(),
  memberCompanies: z.number().int().nonnegative(),
  /** A construction-industry (BTP) service: its CPOM gets the OPPBTP quadripartite annex. */
  btp: z.boolean(),
  sectors: z.array(z.string().min(1)),
});

// Fields added after version 1 are optional, so events written before them stay valid.
export const organisationSnapshotSchema = z.object({
  organisationId: z.uuid(),
  type: z.enum(organisationTypes),
  name: z.string().min(1),
  regions: z.array(regionCodeSchema).min(1),
  contacts: z.array(contactSchema),
  caisseKind: z.enum(caisseKinds).nullable().optional(),
  siret: z
    .string()
    .regex(/^\d{14}$/)
    .nullable()
    .optional(),
  service: serviceProfileSchema.nullable().optional(),
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
