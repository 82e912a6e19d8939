import { Injectable } from '@nestjs/common';
import { ScopeEnforcer } from '@tripartite/auth';
import { type CalendarDate, calendarDateAt } from '@tripartite/calendar';
import { Clock } from '@tripartite/clock';
import { assertVersionMatches, PreconditionFailedError } from '@tripartite/http';
import { DataSource, type EntityManager } from 'typeorm';
import type { ServiceProject } from '../domain/service-project';
import { ServiceProjectNotFoundError } from '../domain/service-project.errors';
import type { ProjectService, ProjectVersion } from '../domain/service-project.types';
import type { ServiceProjectStepKind } from '../domain/service-project-events';
import { ServiceProjectRepository } from '../infrastructure/service-project.repository';
import { ProjectServices } from './project-services';
import type { ServiceProjectView } from './service-project.view';
import { ServiceProjectChanges } from './service-project-changes';

export interface ServiceProjectStep {
  kind: Exclude<ServiceProjectStepKind, 'draft'>;
  /** Applies the step to the project (the domain refuses what does not follow) and returns the text concerned. */
  apply: (project: ServiceProject, today: CalendarDate) => ProjectVersion;
  /** Checks needing the database, after the step applied and before anything is written. */
  check?: (manager: EntityManager, project: ServiceProject) => Promise<void>;
  summary: (project: ServiceProject, service: ProjectService) => string;
}

/**
 * Runs one step of a project's life in one transaction: lock the project, check who acts (the service
 * itself or an administrator) and the version the caller read (If-Match), apply the step, then write the
 * rows, the event and the audit entry together. Any refusal leaves nothing written.
 */
@Injectable()
export class ServiceProjectStepHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly projects: ServiceProjectRepository,
    private readonly directory: ProjectServices,
    private readonly changes: ServiceProjectChanges,
    private readonly scope: ScopeEnforcer,
    private readonly clock: Clock,
  ) {}

  async execute(id: string, expectedVersion: number, step: ServiceProjectStep): Promise<ServiceProjectView> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const project = await this.projects.findById(id, manager, true);
      if (!project) throw new ServiceProjectNotFoundError(id);
      this.scope.assertCanActForOrganisation(project.serviceId);
      assertVersionMatches(expectedVersion, project.version);
      const service = await this.directory.find(project.serviceId, manager);
      // The foreign key keeps a project's service in the directory.
      if (!service) throw new Error(`service ${project.serviceId} of project ${id} is not in the directory`);
      const text = step.apply(project, calendarDateAt(now));
      await step.check?.(manager, project);
      if (!(await this.projects.save(manager, project, expectedVersion, now))) {
        throw new PreconditionFailedError(expectedVersion, project.version);
      }
      await this.changes.record(manager, project, service, {
        kind: step.kind,
        text,
        versionBefore: expectedVersion,
        summary: step.summary(project, service),
      });
      return { project, service };
    });
  }
}
