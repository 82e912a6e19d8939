import { Injectable } from '@nestjs/common';
import type { CalendarDate } from '@tripartite/calendar';
import type { RevisionChanges } from '../domain/service-project';
import { ServiceProjectPeriodOverlapError } from '../domain/service-project.errors';
import { ServiceProjectRepository } from '../infrastructure/service-project.repository';
import type { ServiceProjectView } from './service-project.view';
import { ServiceProjectStepHandler } from './service-project-step.handler';

export interface ReviseServiceProjectCommand extends RevisionChanges {
  revisedOn: CalendarDate;
  reason: string;
}

/**
 * The project "peut être révisé régulièrement" (L.4622-14): version n+1 is drafted and goes through the
 * CMT and the board again; the approved version stays in force meanwhile. A new end of period must not
 * run into another project of the service. Publishes `service_project.revised`.
 */
@Injectable()
export class ReviseServiceProjectHandler {
  constructor(
    private readonly steps: ServiceProjectStepHandler,
    private readonly projects: ServiceProjectRepository,
  ) {}

  execute(
    id: string,
    expectedVersion: number,
    command: ReviseServiceProjectCommand,
  ): Promise<ServiceProjectView> {
    const { revisedOn, reason, ...changes } = command;
    return this.steps.execute(id, expectedVersion, {
      kind: 'revise',
      apply: (project, today) => project.revise({ revisedOn, reason, changes }, today),
      check: async (manager, project) => {
        if (changes.periodEnd === undefined) return;
        await this.projects.lockService(manager, project.serviceId);
        const other = await this.projects.overlapping(manager, project.serviceId, project.latest, project.id);
        if (other) throw new ServiceProjectPeriodOverlapError(other.id, other, 'periodEnd');
      },
      summary: (project, service) =>
        `${service.name}: version ${project.latest.number} drafted as a revision on ${revisedOn} (${reason})`,
    });
  }
}
