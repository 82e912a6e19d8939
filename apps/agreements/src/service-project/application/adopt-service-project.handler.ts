import { Injectable } from '@nestjs/common';
import type { CalendarDate } from '@tripartite/calendar';
import type { ServiceProjectView } from './service-project.view';
import { ServiceProjectStepHandler } from './service-project-step.handler';

export interface AdoptServiceProjectCommand {
  adoptedOn: CalendarDate;
  text?: string;
}

/**
 * The commission médico-technique adopts the current draft (L.4622-14: "élaboré … au sein de la
 * commission médico-technique"). Publishes `service_project.adopted`.
 */
@Injectable()
export class AdoptServiceProjectHandler {
  constructor(private readonly steps: ServiceProjectStepHandler) {}

  execute(
    id: string,
    expectedVersion: number,
    command: AdoptServiceProjectCommand,
  ): Promise<ServiceProjectView> {
    return this.steps.execute(id, expectedVersion, {
      kind: 'adopt',
      apply: (project, today) =>
        project.adoptByCmt({ adoptedOn: command.adoptedOn, text: command.text }, today),
      summary: (project, service) =>
        `${service.name}: version ${project.latest.number} adopted by the CMT on ${command.adoptedOn}`,
    });
  }
}
