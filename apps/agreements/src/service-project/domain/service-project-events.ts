import type { PlatformEvent } from '@tripartite/events';
import type { ServiceProject } from './service-project';
import type { ProjectService, ProjectVersion } from './service-project.types';

/** The steps of a project's life, as the audit trail names them. */
export type ServiceProjectStepKind = 'draft' | 'adopt' | 'approve' | 'revise' | 'withdraw';

/**
 * The `service_project.*` event of a step, typed by the catalogue. A draft publishes nothing: it is the
 * service's own work until its CMT adopts it. A withdrawal publishes `service_project.withdrawn`, so that
 * those told of the adoption or revision learn it is off.
 */
export function serviceProjectEventOf(
  project: ServiceProject,
  service: ProjectService,
  kind: ServiceProjectStepKind,
  text: ProjectVersion,
): PlatformEvent | null {
  const subject = {
    projectId: project.id,
    serviceId: project.serviceId,
    serviceName: service.name,
    regions: [...service.regions],
    caisseId: service.caisseId,
    projectVersion: text.number,
    periodStart: text.periodStart,
    periodEnd: text.periodEnd,
    priorities: text.priorities.map((priority) => priority.title),
  };
  switch (kind) {
    case 'draft':
      return null;
    case 'withdraw':
      return {
        type: 'service_project.withdrawn',
        payload: {
          ...subject,
          withdrawnOn: known(text.withdrawnOn),
          reason: known(text.withdrawalReason),
          projectWithdrawn: project.withdrawn,
        },
      };
    case 'adopt':
      return { type: 'service_project.adopted', payload: { ...subject, adoptedOn: known(text.adoptedOn) } };
    case 'approve':
      return {
        type: 'service_project.approved',
        payload: { ...subject, approvedOn: known(text.approvedOn) },
      };
    case 'revise':
      return {
        type: 'service_project.revised',
        payload: { ...subject, revisedOn: known(text.revisedOn), reason: known(text.revisionReason) },
      };
  }
}

/** A fact the step has just set on the text (its date, its reason). */
function known<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('the step did not set what its event reports');
  return value;
}
