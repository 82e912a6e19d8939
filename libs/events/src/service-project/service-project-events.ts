import { z } from 'zod';
import { calendarDateSchema } from '../calendar-date';
import { defineEvent } from '../event-definition';
import { regionCodeSchema } from '../event-envelope';

/** A version of a service's projet pluriannuel de service (L.4622-14), as other services need it. */
const serviceProjectSubject = {
  projectId: z.uuid(),
  serviceId: z.uuid(),
  serviceName: z.string().min(1),
  regions: z.array(regionCodeSchema).min(1),
  /** 1 for the first text, then one more per revision. */
  projectVersion: z.number().int().positive(),
  periodStart: calendarDateSchema,
  periodEnd: calendarDateSchema,
  priorities: z.array(z.string().min(1)),
  /** The service's competent Caisse; added without a new version (optional: older events stay valid). */
  caisseId: z.uuid().nullable().optional(),
};

export const serviceProjectAdopted = defineEvent(
  'service_project.adopted',
  1,
  z.object({ ...serviceProjectSubject, adoptedOn: calendarDateSchema }),
  'The commission médico-technique adopted a service project (L.4622-14).',
);

export const serviceProjectApproved = defineEvent(
  'service_project.approved',
  1,
  z.object({ ...serviceProjectSubject, approvedOn: calendarDateSchema }),
  'The board (conseil d’administration) approved a service project adopted by the CMT (L.4622-14).',
);

export const serviceProjectRevised = defineEvent(
  'service_project.revised',
  1,
  z.object({ ...serviceProjectSubject, revisedOn: calendarDateSchema, reason: z.string().min(1) }),
  'A new version of a service project was drafted; it goes through the CMT and the board again.',
);

export const serviceProjectWithdrawn = defineEvent(
  'service_project.withdrawn',
  1,
  z.object({
    ...serviceProjectSubject,
    withdrawnOn: calendarDateSchema,
    reason: z.string().min(1),
    /** True when no version was ever approved: the whole project is withdrawn; false for a pending revision. */
    projectWithdrawn: z.boolean(),
  }),
  'The service withdrew a text its board had not approved (the version in force, if any, stays).',
);
