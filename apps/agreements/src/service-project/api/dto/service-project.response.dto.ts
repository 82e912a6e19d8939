import { z } from 'zod';
import type { ServiceProjectView } from '../../application/service-project.view';
import { projectStatuses, versionStatuses } from '../../domain/service-project.types';

const date = z.string().describe('calendar date, YYYY-MM-DD (Europe/Paris)');

const priorityResponseSchema = z.object({ title: z.string(), description: z.string() });

export const projectVersionResponseSchema = z.object({
  projectVersion: z.number().int(),
  status: z.enum(versionStatuses),
  title: z.string(),
  periodStart: date,
  periodEnd: date,
  diagnosis: z.string(),
  priorities: z.array(priorityResponseSchema),
  draftedOn: date,
  revisedOn: date.nullable(),
  revisionReason: z.string().nullable(),
  adoptedOn: date.nullable(),
  cmtText: z.string().nullable(),
  approvedOn: date.nullable(),
  withdrawnOn: date.nullable(),
  withdrawalReason: z.string().nullable(),
});

const warningSchema = z.object({ code: z.string(), field: z.string(), message: z.string() });

/**
 * A project as lists show it: its latest version's title and period, and which version is in force. A
 * withdrawn revision is not the latest: it only shows among the versions.
 */
export const serviceProjectSummaryResponseSchema = z.object({
  id: z.uuid(),
  serviceId: z.uuid(),
  serviceName: z.string(),
  regions: z.array(z.string()),
  status: z.enum(projectStatuses),
  projectVersion: z
    .number()
    .int()
    .describe('number of the latest version of the text: the pending one, else the one in force'),
  inForceVersion: z.number().int().nullable().describe('number of the approved version in force, if any'),
  pendingRevision: z.boolean(),
  title: z.string(),
  periodStart: date,
  periodEnd: date,
  warnings: z.array(warningSchema).describe('accepted, but worth saying (ADR 0008)'),
  version: z.number().int().describe('the ETag: send it back in If-Match to change the project'),
});

/** A project with every version of its text. */
export const serviceProjectResponseSchema = serviceProjectSummaryResponseSchema.extend({
  versions: z.array(projectVersionResponseSchema),
});

export type ServiceProjectSummaryResponse = z.infer<typeof serviceProjectSummaryResponseSchema>;
export type ServiceProjectResponse = z.infer<typeof serviceProjectResponseSchema>;

export function toServiceProjectSummaryResponse({
  project,
  service,
}: ServiceProjectView): ServiceProjectSummaryResponse {
  const latest = project.latest;
  return {
    id: project.id,
    serviceId: project.serviceId,
    serviceName: service.name,
    regions: [...service.regions],
    status: project.status,
    projectVersion: latest.number,
    inForceVersion: project.inForce?.number ?? null,
    pendingRevision: project.pendingRevision,
    title: latest.title,
    periodStart: latest.periodStart,
    periodEnd: latest.periodEnd,
    warnings: project.warnings(),
    version: project.version,
  };
}

export function toServiceProjectResponse(view: ServiceProjectView): ServiceProjectResponse {
  return {
    ...toServiceProjectSummaryResponse(view),
    versions: view.project.versions.map(({ number, ...text }) => ({
      projectVersion: number,
      ...text,
      priorities: text.priorities.map((p) => ({ ...p })),
    })),
  };
}
