import { Injectable } from '@nestjs/common';
import type { CalendarDate } from '@tripartite/calendar';
import type { ServiceProjectView } from './service-project.view';
import { ServiceProjectStepHandler } from './service-project-step.handler';

export interface WithdrawServiceProjectCommand {
  withdrawnOn: CalendarDate;
  reason: string;
}

/**
 * The service withdraws its pending text, drafted or adopted by the CMT, before the board approves it. A
 * first text takes the project with it (its period is free for another draft); a revision leaves the
 * version in force as it was. An approved version stands until a revision is approved (L.4622-14).
 * Publishes `service_project.withdrawn` with its audit entry.
 */
@Injectable()
export class WithdrawServiceProjectHandler {
  constructor(private readonly steps: ServiceProjectStepHandler) {}

  execute(
    id: string,
    expectedVersion: number,
    command: WithdrawServiceProjectCommand,
  ): Promise<ServiceProjectView> {
    return this.steps.execute(id, expectedVersion, {
      kind: 'withdraw',
      apply: (project, today) =>
        project.withdraw({ withdrawnOn: command.withdrawnOn, reason: command.reason }, today),
      summary: (project, service) => {
        const withdrawn = project.versions[project.versions.length - 1];
        const what = `${service.name}: version ${withdrawn.number} withdrawn on ${command.withdrawnOn} (${command.reason})`;
        return project.withdrawn
          ? `${what}; no version was approved, the project is withdrawn`
          : `${what}; version ${project.latest.number} stays in force`;
      },
    });
  }
}
