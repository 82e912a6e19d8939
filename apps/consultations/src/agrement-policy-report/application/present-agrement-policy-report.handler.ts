import { Injectable } from '@nestjs/common';
import { Clock } from '@tripartite/clock';
import { assertVersionMatches } from '@tripartite/http';
import { ChangeRecorder } from '@tripartite/platform';
import { DataSource } from 'typeorm';
import { BodyRepository } from '../../body/infrastructure/body.repository';
import { DirectoryRepository } from '../../directory/infrastructure/directory.repository';
import type { AgrementPolicyReport } from '../domain/agrement-policy-report';
import { AgrementPolicyReportNotFoundError } from '../domain/agrement-policy-report.errors';
import { reportPresented } from '../domain/agrement-policy-report-events';
import { AgrementPolicyReportRepository } from '../infrastructure/agrement-policy-report.repository';
import { ReportAuthority } from './report-authority';
import { ReportDeadlines } from './report-deadlines';

/**
 * Records the information as presented to the body on a session (seed 002 I.2): the year's figures are frozen
 * as shown, the reminders cancelled, `consultation.agrement_policy_report_presented` published.
 */
@Injectable()
export class PresentAgrementPolicyReportHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reports: AgrementPolicyReportRepository,
    private readonly bodies: BodyRepository,
    private readonly directory: DirectoryRepository,
    private readonly authority: ReportAuthority,
    private readonly deadlines: ReportDeadlines,
    private readonly recorder: ChangeRecorder,
    private readonly clock: Clock,
  ) {}

  execute(
    id: string,
    expectedVersion: number,
    command: { bodyId: string; presentedOn: string },
  ): Promise<AgrementPolicyReport> {
    return this.dataSource.transaction(async (manager) => {
      const report = await this.reports.findById(id, manager, true);
      if (!report) throw new AgrementPolicyReportNotFoundError(id);
      this.authority.assertMayPresent(report);
      assertVersionMatches(expectedVersion, report.version);
      const versionBefore = report.version;
      const body = await this.bodies.findById(command.bodyId, manager);
      const figures = await this.directory.figures(report.state.region, report.state.year);
      report.present(body, command.bodyId, command.presentedOn, figures);
      await this.reports.update(manager, report, this.clock.now());
      await this.deadlines.cancel(manager, report);
      await this.recorder.record(
        manager,
        {
          type: 'agrement_policy_report',
          id: report.id,
          version: report.version,
          region: report.state.region,
        },
        {
          action: 'agrement_policy_report.presented',
          versionBefore,
          summary: `Agrément policy ${report.state.year} presented to ${body?.name ?? command.bodyId} on ${command.presentedOn}`,
          event: reportPresented(report),
        },
      );
      return report;
    });
  }
}
