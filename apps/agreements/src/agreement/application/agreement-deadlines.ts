import { Inject, Injectable } from '@nestjs/common';
import { type CalendarDate, startOfDayInParis } from '@tripartite/calendar';
import { PLATFORM_CONFIG } from '@tripartite/config';
import { DeadlineScheduler, deadlineIdFor, type ScheduleDeadline } from '@tripartite/deadlines';
import type { EntityManager } from 'typeorm';
import type { AgreementsConfig } from '../../agreements.config';
import type { Agreement } from '../domain/agreement';
import type { ComplianceNotice } from '../domain/agreement.types';
import {
  AgreementDeadlinePlan,
  type DeadlinePlan,
  type PlannedDeadline,
} from '../domain/agreement-deadlines';

/**
 * Keeps an agrément's deadlines in the deadline module, in the caller's transaction: the plan says
 * what, this says how (ids derived from kind and discriminator, so replanning is idempotent; due at
 * the start of the Paris day). Reminders whose day had passed are recorded as skipped, never fired.
 */
@Injectable()
export class AgreementDeadlines {
  private readonly plan: AgreementDeadlinePlan;

  constructor(
    private readonly scheduler: DeadlineScheduler,
    @Inject(PLATFORM_CONFIG) config: AgreementsConfig,
  ) {
    this.plan = new AgreementDeadlinePlan({
      renewal: config.AGREEMENT_RENEWAL_REMINDERS,
      decision: config.AGREEMENT_DECISION_WARNINGS,
      notice: config.AGREEMENT_NOTICE_REMINDERS,
    });
  }

  forApplication(manager: EntityManager, agreement: Agreement, today: CalendarDate): Promise<void> {
    return this.keep(manager, agreement, this.plan.forApplication(agreement, today));
  }

  forTerm(manager: EntityManager, agreement: Agreement, today: CalendarDate): Promise<void> {
    return this.keep(manager, agreement, this.plan.forTerm(agreement, today));
  }

  forNotice(
    manager: EntityManager,
    agreement: Agreement,
    notice: ComplianceNotice,
    today: CalendarDate,
  ): Promise<void> {
    return this.keep(manager, agreement, this.plan.forNotice(agreement, notice, today));
  }

  async cancel(manager: EntityManager, agreementId: string, kinds: readonly string[]): Promise<void> {
    await this.scheduler.cancelForSubject(manager, agreementId, kinds);
  }

  private async keep(manager: EntityManager, agreement: Agreement, plan: DeadlinePlan): Promise<void> {
    for (const deadline of plan.due)
      await this.scheduler.schedule(manager, this.toSchedule(agreement, deadline));
    for (const deadline of plan.past) {
      await this.scheduler.recordSkipped(manager, this.toSchedule(agreement, deadline));
    }
  }

  private toSchedule(agreement: Agreement, deadline: PlannedDeadline): ScheduleDeadline {
    return {
      id: deadlineIdFor(deadline.kind, agreement.id, deadline.discriminator),
      kind: deadline.kind,
      subjectId: agreement.id,
      region: agreement.state.regions[0] ?? null,
      dueAt: startOfDayInParis(deadline.dueOn),
      event: { ...deadline.event, aggregateVersion: agreement.version },
    };
  }
}
