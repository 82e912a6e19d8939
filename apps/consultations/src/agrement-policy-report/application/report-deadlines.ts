import { Inject, Injectable } from '@nestjs/common';
import type { CalendarDate } from '@tripartite/calendar';
import { PLATFORM_CONFIG } from '@tripartite/config';
import type { EntityManager } from 'typeorm';
import type { ConsultationsConfig } from '../../consultations.config';
import { PlannedDeadlines } from '../../shared/planned-deadlines';
import type { AgrementPolicyReport } from '../domain/agrement-policy-report';
import { reportReminders } from '../domain/agrement-policy-report-events';

/** The reminders to the DIRECCTE before the yearly information is due, each firing once; cancelled once presented. */
@Injectable()
export class ReportDeadlines {
  private readonly daysBefore: readonly number[];

  constructor(
    private readonly deadlines: PlannedDeadlines,
    @Inject(PLATFORM_CONFIG) config: ConsultationsConfig,
  ) {
    this.daysBefore = config.AGREMENT_POLICY_REPORT_REMINDERS;
  }

  plan(manager: EntityManager, report: AgrementPolicyReport, today: CalendarDate): Promise<void> {
    const subject = { id: report.id, region: report.state.region, version: report.version };
    return this.deadlines.keep(manager, subject, reportReminders(report, this.daysBefore, today));
  }

  cancel(manager: EntityManager, report: AgrementPolicyReport): Promise<void> {
    return this.deadlines.cancel(manager, report.id);
  }
}
