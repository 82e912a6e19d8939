import { Injectable } from '@nestjs/common';
import { calendarDateAt } from '@tripartite/calendar';
import { Clock } from '@tripartite/clock';
import { ChangeRecorder } from '@tripartite/platform';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { AgrementPolicyReport } from '../domain/agrement-policy-report';
import { AgrementPolicyReportExistsError } from '../domain/agrement-policy-report.errors';
import { AgrementPolicyReportRepository } from '../infrastructure/agrement-policy-report.repository';
import { ReportAuthority } from './report-authority';
import { ReportDeadlines } from './report-deadlines';

/** The DIRECCTE plans the year's information of the body on its agrément policy, with its due date and reminders. */
@Injectable()
export class PlanAgrementPolicyReportHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reports: AgrementPolicyReportRepository,
    private readonly authority: ReportAuthority,
    private readonly deadlines: ReportDeadlines,
    private readonly recorder: ChangeRecorder,
    private readonly clock: Clock,
  ) {}

  async execute(command: { region: string; year: number; dueOn: string }): Promise<AgrementPolicyReport> {
    this.authority.assertMayPlan(command.region);
    const report = AgrementPolicyReport.create(uuidv7(), command.region, command.year, command.dueOn);
    return this.dataSource.transaction(async (manager) => {
      const existing = await this.reports.insert(manager, report, this.clock.now());
      if (existing) throw new AgrementPolicyReportExistsError(existing);
      await this.deadlines.plan(manager, report, calendarDateAt(this.clock.now()));
      await this.recorder.record(
        manager,
        {
          type: 'agrement_policy_report',
          id: report.id,
          version: report.version,
          region: report.state.region,
        },
        {
          action: 'agrement_policy_report.plan',
          versionBefore: null,
          summary: `Yearly agrément policy information of region ${report.state.region} on ${report.state.year}, due ${report.state.dueOn}`,
          auditPayload: { ...report.state },
        },
      );
      return report;
    });
  }
}
