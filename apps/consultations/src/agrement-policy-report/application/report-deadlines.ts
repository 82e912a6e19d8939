import { Inject, Injectable } from '@nestjs/common';
import { type CalendarDate, startOfDayInParis } from '@tripartite/calendar';
import { PLATFORM_CONFIG } from '@tripartite/config';
import { DeadlineScheduler, deadlineIdFor } from '@tripartite/deadlines';
import type { EntityManager } from 'typeorm';
import type { ConsultationsConfig } from '../../consultations.config';
import type { AgrementPolicyReport } from '../domain/agrement-policy-report';
import { REPORT_REMINDER_KIND, reportReminders } from '../domain/agrement-policy-report-events';

/** The reminders to the DIRECCTE before the yearly information is due, each firing once; cancelled once presented. */
@Injectable()
export class ReportDeadlines {
  private readonly daysBefore: readonly number[];

  constructor(
    private readonly scheduler: DeadlineScheduler,
    @Inject(PLATFORM_CONFIG) config: ConsultationsConfig,
  ) {
    this.daysBefore = config.AGREMENT_POLICY_REPORT_REMINDERS;
  }

  async plan(manager: EntityManager, report: AgrementPolicyReport, today: CalendarDate): Promise<void> {
    const { due, past } = reportReminders(report, this.daysBefore, today);
    const toSchedule = (d: (typeof due)[number]) => ({
      id: deadlineIdFor(REPORT_REMINDER_KIND, report.id, d.discriminator),
      kind: REPORT_REMINDER_KIND,
      subjectId: report.id,
      region: report.state.region,
      dueAt: startOfDayInParis(d.dueOn),
      event: { ...d.event, aggregateVersion: report.version },
    });
    for (const d of due) await this.scheduler.schedule(manager, toSchedule(d));
    for (const d of past) await this.scheduler.recordSkipped(manager, toSchedule(d));
  }

  async cancel(manager: EntityManager, report: AgrementPolicyReport): Promise<void> {
    await this.scheduler.cancelForSubject(manager, report.id);
  }
}
