import { Injectable } from '@nestjs/common';
import type { CalendarDate } from '@tripartite/calendar';
import type { ServiceProjectView } from './service-project.view';
import { ServiceProjectStepHandler } from './service-project-step.handler';

export interface ApproveServiceProjectCommand {
  approvedOn: CalendarDate;
}

/**
 * The board (conseil d'administration) approves the version its CMT adopted (L.4622-14: "avant d'être
 * soumis à l'approbation du conseil d'administration"); it comes into force. Publishes
 * `service_project.approved`.
 */
@Injectable()
export class ApproveServiceProjectHandler {
  constructor(private readonly steps: ServiceProjectStepHandler) {}

  execute(
    id: string,
    expectedVersion: number,
    command: ApproveServiceProjectCommand,
  ): Promise<ServiceProjectView> {
    return this.steps.execute(id, expectedVersion, {
      kind: 'approve',
      apply: (project, today) => project.approveByBoard({ approvedOn: command.approvedOn }, today),
      summary: (project, service) =>
        `${service.name}: version ${project.latest.number} approved by the board on ${command.approvedOn}`,
    });
  }
}
