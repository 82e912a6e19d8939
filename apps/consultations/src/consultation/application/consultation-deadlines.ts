import { Inject, Injectable } from '@nestjs/common';
import { type CalendarDate, startOfDayInParis } from '@tripartite/calendar';
import { PLATFORM_CONFIG } from '@tripartite/config';
import { DeadlineScheduler, deadlineIdFor, type ScheduleDeadline } from '@tripartite/deadlines';
import type { EntityManager } from 'typeorm';
import type { ConsultationsConfig } from '../../consultations.config';
import type { Consultation } from '../domain/consultation';
import { answerDeadlines, type PlannedConsultationDeadline } from '../domain/consultation-events';

/**
 * Keeps a consultation's answer deadlines in the deadline module, in the caller's transaction: reminders to
 * the body and the overdue alert, each firing once (ids from kind and discriminator), cancelled when the
 * opinion is in or the consultation closes.
 */
@Injectable()
export class ConsultationDeadlines {
  private readonly reminders: readonly number[];

  constructor(
    private readonly scheduler: DeadlineScheduler,
    @Inject(PLATFORM_CONFIG) config: ConsultationsConfig,
  ) {
    this.reminders = config.CONSULTATION_ANSWER_REMINDERS;
  }

  async plan(manager: EntityManager, c: Consultation, today: CalendarDate): Promise<void> {
    const { due, past } = answerDeadlines(c, this.reminders, today);
    for (const d of due) await this.scheduler.schedule(manager, this.toSchedule(c, d));
    for (const d of past) await this.scheduler.recordSkipped(manager, this.toSchedule(c, d));
  }

  async cancel(manager: EntityManager, c: Consultation): Promise<void> {
    await this.scheduler.cancelForSubject(manager, c.id);
  }

  private toSchedule(c: Consultation, d: PlannedConsultationDeadline): ScheduleDeadline {
    return {
      id: deadlineIdFor(d.kind, c.id, d.discriminator),
      kind: d.kind,
      subjectId: c.id,
      region: c.state.regions[0] ?? null,
      dueAt: startOfDayInParis(d.dueOn),
      event: { ...d.event, aggregateVersion: c.version },
    };
  }
}
