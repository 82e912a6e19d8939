import { Injectable } from '@nestjs/common';
import { ScopeEnforcer } from '@tripartite/auth';
import { calendarDateAt } from '@tripartite/calendar';
import { Clock } from '@tripartite/clock';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { ServiceProject } from '../domain/service-project';
import { NotAServiceError, ServiceProjectPeriodOverlapError } from '../domain/service-project.errors';
import { type ProjectContent, serviceTypes } from '../domain/service-project.types';
import { ServiceProjectRepository } from '../infrastructure/service-project.repository';
import { ProjectServices } from './project-services';
import type { ServiceProjectView } from './service-project.view';
import { ServiceProjectChanges } from './service-project-changes';

export type DraftServiceProjectCommand = ProjectContent & { serviceId: string };

/**
 * A service drafts its project (L.4622-14: "élaboré par le service de santé au travail"): only the service
 * itself, or an administrator, files it. The rows and the audit entry commit together; no event yet.
 */
@Injectable()
export class DraftServiceProjectHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly projects: ServiceProjectRepository,
    private readonly directory: ProjectServices,
    private readonly changes: ServiceProjectChanges,
    private readonly scope: ScopeEnforcer,
    private readonly clock: Clock,
  ) {}

  async execute(command: DraftServiceProjectCommand): Promise<ServiceProjectView> {
    const { serviceId, ...content } = command;
    this.scope.assertCanActForOrganisation(serviceId);
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const service = await this.directory.find(serviceId, manager);
      if (!service) throw new NotAServiceError(serviceId, null);
      if (!serviceTypes.includes(service.type)) throw new NotAServiceError(serviceId, service.type);
      const project = ServiceProject.draft(uuidv7(), service.id, content, calendarDateAt(now));
      await this.projects.lockService(manager, service.id);
      const other = await this.projects.overlapping(manager, service.id, content, null);
      if (other) throw new ServiceProjectPeriodOverlapError(other.id, other);
      await this.projects.insert(manager, project, now);
      await this.changes.record(manager, project, service, {
        kind: 'draft',
        text: project.latest,
        versionBefore: null,
        summary: `${service.name}: service project "${content.title}" drafted (${content.periodStart} to ${content.periodEnd})`,
      });
      return { project, service };
    });
  }
}
