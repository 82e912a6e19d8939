import { z } from 'zod';
import { defineEvent, nextVersion, type Upcaster } from '../event-definition';
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

/** What the directory knows of an occupational health service (SSTI or SSTA), version 1. */
const serviceProfileV1Schema = z.object({
  employeesFollowed: z.number().int().nonnegative(),
  memberCompanies: z.number().int().nonnegative(),
  /** A construction-industry (BTP) service: its CPOM gets the OPPBTP quadripartite annex. */
  btp: z.boolean(),
  sectors: z.array(z.string().min(1)),
});

/**
 * What the directory knows of an occupational health service, version 2: with its competent Caisse, chosen
 * per service among those covering its region (a Caisse may cover two regions, a region may have two
 * Caisses: domain.md). Null for an SSTA (no CPOM, L.4622-10) and while no Caisse of its region is known.
 */
export const serviceProfileSchema = serviceProfileV1Schema.extend({
  caisseId: z.uuid().nullable(),
});

/** Version 1 of the directory's events: the fields added after its first release were optional. */
export const organisationSnapshotV1Schema = z.object({
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
  service: serviceProfileV1Schema.nullable().optional(),
});

/** Version 2: every field present (null when it does not apply), and the service's competent Caisse. */
export const organisationSnapshotSchema = z.object({
  organisationId: z.uuid(),
  type: z.enum(organisationTypes),
  name: z.string().min(1),
  regions: z.array(regionCodeSchema).min(1),
  contacts: z.array(contactSchema),
  caisseKind: z.enum(caisseKinds).nullable(),
  siret: z
    .string()
    .regex(/^\d{14}$/)
    .nullable(),
  service: serviceProfileSchema.nullable(),
});

/**
 * v1 → v2: the fields v1 could leave out are null, and a service's competent Caisse is not known yet
 * (null until the directory records it, as for a service registered before Caisses were chosen).
 */
export const organisationSnapshotV1ToV2: Upcaster<
  typeof organisationSnapshotV1Schema,
  typeof organisationSnapshotSchema
> = (v1) => ({
  organisationId: v1.organisationId,
  type: v1.type,
  name: v1.name,
  regions: v1.regions,
  contacts: v1.contacts,
  caisseKind: v1.caisseKind ?? null,
  siret: v1.siret ?? null,
  service: v1.service ? { ...v1.service, caisseId: null } : null,
});

export const organisationRegisteredV1 = defineEvent(
  'organisation.registered',
  1,
  organisationSnapshotV1Schema,
  'An organisation (service, DIRECCTE, Caisse, ARS, CRPRP…) entered the directory.',
);

export const organisationUpdatedV1 = defineEvent(
  'organisation.updated',
  1,
  organisationSnapshotV1Schema,
  'An organisation of the directory changed; the payload is its full new state.',
);

/** Current: version 2, which reads version 1 through `organisationSnapshotV1ToV2`. */
export const organisationRegistered = nextVersion(
  organisationRegisteredV1,
  organisationSnapshotSchema,
  organisationSnapshotV1ToV2,
);

/** Current: version 2, which reads version 1 through `organisationSnapshotV1ToV2`. */
export const organisationUpdated = nextVersion(
  organisationUpdatedV1,
  organisationSnapshotSchema,
  organisationSnapshotV1ToV2,
);
