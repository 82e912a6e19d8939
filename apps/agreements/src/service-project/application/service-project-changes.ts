import { Injectable } from '@nestjs/common';
import { ChangeRecorder } from '@tripartite/platform';
import type { EntityManager } from 'typeorm';
import type { ServiceProject } from '../domain/service-project';
import type { ProjectService, ProjectVersion } from '../domain/service-project.types';
import { type ServiceProjectStepKind, serviceProjectEventOf } from '../domain/service-project-events';

/** The event (for the steps other services learn of) and the audit entry of each step, in its transaction. */
@Injectable()
export class ServiceProjectChanges {
  constructor(private readonly recorder: ChangeRecorder) {}

  record(
    manager: EntityManager,
    project: ServiceProject,
    service: ProjectService,
    change: {
      kind: ServiceProjectStepKind;
      text: ProjectVersion;
      versionBefore: number | null;
      summary: string;
    },
  ): Promise<void> {
    return this.recorder.record(
      manager,
      {
        type: 'service_project',
        id: project.id,
        version: project.version,
        region: service.regions[0] ?? null,
      },
      {
        action: `service_project.${change.kind}`,
        versionBefore: change.versionBefore,
        summary: change.summary,
        event: serviceProjectEventOf(project, service, change.kind, change.text) ?? undefined,
        auditPayload: { projectVersion: change.text.number, status: change.text.status },
      },
    );
  }
}
