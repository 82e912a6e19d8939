import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@tripartite/audit';
import {
  serviceProjectAdopted,
  serviceProjectApproved,
  serviceProjectRevised,
  serviceProjectWithdrawn,
} from '@tripartite/events';
import { OutboxWriter } from '@tripartite/messaging';
import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { ServiceProject } from '../domain/service-project';
import type { ProjectService, ProjectVersion } from '../domain/service-project.types';

export type ServiceProjectChangeKind = 'draft' | 'adopt' | 'approve' | 'revise' | 'withdraw';

export interface ServiceProjectChange {
  kind: ServiceProjectChangeKind;
  /** The version of the text the step concerns. */
  text: ProjectVersion;
  versionBefore: number | null;
  summary: string;
}

/**
 * What every step of a service project leaves besides its rows, in the same transaction: the audit entry
 * and, for the steps other services learn of, the event. A draft publishes nothing: it is the service's
 * own work until its CMT adopts it (the catalogue has no event for it). A withdrawal publishes
 * `service_project.withdrawn`, so that those told of the adoption or revision learn it is off.
 */
@Injectable()
export class ServiceProjectChangeRecorder {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditTrail,
  ) {}

  async record(
    manager: EntityManager,
    project: ServiceProject,
    service: ProjectService,
    change: ServiceProjectChange,
  ): Promise<void> {
    const event = eventOf(project, service, change.kind, change.text);
    if (event) {
      await this.outbox.append(manager, {
        ...event,
        aggregateId: project.id,
        aggregateVersion: project.version,
        region: service.regions[0] ?? null,
      });
    }
    await this.audit.record(manager, {
      action: `service_project.${change.kind}`,
      aggregateType: 'service_project',
      aggregateId: project.id,
      versionBefore: change.versionBefore,
      versionAfter: project.version,
      summary: change.summary,
      payload: { projectVersion: change.text.number, status: change.text.status },
    });
  }
}

type ServiceProjectEvent =
  | { type: 'service_project.withdrawn'; payload: z.infer<typeof serviceProjectWithdrawn.schema> }
  | { type: 'service_project.adopted'; payload: z.infer<typeof serviceProjectAdopted.schema> }
  | { type: 'service_project.approved'; payload: z.infer<typeof serviceProjectApproved.schema> }
  | { type: 'service_project.revised'; payload: z.infer<typeof serviceProjectRevised.schema> };

type Subject = Omit<z.infer<typeof serviceProjectAdopted.schema>, 'adoptedOn'>;

function eventOf(
  project: ServiceProject,
  service: ProjectService,
  kind: ServiceProjectChangeKind,
  text: ProjectVersion,
): ServiceProjectEvent | null {
  const subject: Subject = {
    projectId: project.id,
    serviceId: project.serviceId,
    serviceName: service.name,
    regions: [...service.regions],
    projectVersion: text.number,
    periodStart: text.periodStart,
    periodEnd: text.periodEnd,
    priorities: text.priorities.map((priority) => priority.title),
  };
  switch (kind) {
    case 'draft':
      return null;
    case 'withdraw': {
      const payload: z.infer<typeof serviceProjectWithdrawn.schema> = {
        ...subject,
        withdrawnOn: text.withdrawnOn!,
        reason: text.withdrawalReason!,
        projectWithdrawn: project.withdrawn,
      };
      return { type: serviceProjectWithdrawn.type, payload } as const;
    }
    case 'adopt': {
      const payload: z.infer<typeof serviceProjectAdopted.schema> = {
        ...subject,
        adoptedOn: text.adoptedOn!,
      };
      return { type: serviceProjectAdopted.type, payload } as const;
    }
    case 'approve': {
      const payload: z.infer<typeof serviceProjectApproved.schema> = {
        ...subject,
        approvedOn: text.approvedOn!,
      };
      return { type: serviceProjectApproved.type, payload } as const;
    }
    case 'revise': {
      const payload: z.infer<typeof serviceProjectRevised.schema> = {
        ...subject,
        revisedOn: text.revisedOn!,
        reason: text.revisionReason!,
      };
      return { type: serviceProjectRevised.type, payload } as const;
    }
  }
}
