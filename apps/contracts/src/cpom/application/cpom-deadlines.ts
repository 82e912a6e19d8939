import { Inject, Injectable } from '@nestjs/common';
import { type CalendarDate, startOfDayInParis } from '@tripartite/calendar';
import { PLATFORM_CONFIG } from '@tripartite/config';
import { DeadlineScheduler, deadlineIdFor, type ScheduleDeadline } from '@tripartite/deadlines';
import type { EntityManager } from 'typeorm';
import type { ContractsConfig } from '../../contracts.config';
import type { Cpom } from '../domain/cpom';
import { CpomDeadlinePlan, type DeadlinePlan, type PlannedDeadline } from '../domain/cpom-deadlines';

/**
 * Keeps a CPOM's deadlines in the deadline module, in the caller's transaction: the plan says what, this
 * says how (ids from kind and discriminator, so replanning is idempotent; due at the start of the Paris
 * day). Reminders whose day had passed are recorded as skipped, never fired.
 */
@Injectable()
export class CpomDeadlines {
  private readonly plan: CpomDeadlinePlan;

  constructor(
    private readonly scheduler: DeadlineScheduler,
    @Inject(PLATFORM_CONFIG) config: ContractsConfig,
  ) {
    this.plan = new CpomDeadlinePlan({
      review: config.CPOM_REVIEW_REMINDERS,
      reviewOverdueAfter: config.CPOM_REVIEW_OVERDUE_AFTER,
      term: config.CPOM_TERM_REMINDERS,
      evaluationOverdueAfter: config.CPOM_EVALUATION_OVERDUE_AFTER,
    });
  }

  forReview(manager: EntityManager, cpom: Cpom, today: CalendarDate): Promise<void> {
    return this.keep(manager, cpom, this.plan.forReview(cpom, today));
  }

  forTerm(manager: EntityManager, cpom: Cpom, today: CalendarDate): Promise<void> {
    return this.keep(manager, cpom, this.plan.forTerm(cpom, today));
  }

  async cancel(manager: EntityManager, cpomId: string, kinds: readonly string[]): Promise<void> {
    await this.scheduler.cancelForSubject(manager, cpomId, kinds);
  }

  private async keep(manager: EntityManager, cpom: Cpom, plan: DeadlinePlan): Promise<void> {
    for (const deadline of plan.due) await this.scheduler.schedule(manager, this.toSchedule(cpom, deadline));
    for (const deadline of plan.past)
      await this.scheduler.recordSkipped(manager, this.toSchedule(cpom, deadline));
  }

  private toSchedule(cpom: Cpom, deadline: PlannedDeadline): ScheduleDeadline {
    return {
      id: deadlineIdFor(deadline.kind, cpom.id, deadline.discriminator),
      kind: deadline.kind,
      subjectId: cpom.id,
      region: cpom.state.parties.regions[0] ?? null,
      dueAt: startOfDayInParis(deadline.dueOn),
      event: { ...deadline.event, aggregateVersion: cpom.version },
    };
  }
}
