import { Inject, Injectable } from '@nestjs/common';
import type { CalendarDate } from '@tripartite/calendar';
import { PLATFORM_CONFIG } from '@tripartite/config';
import type { EntityManager } from 'typeorm';
import type { ConsultationsConfig } from '../../consultations.config';
import { PlannedDeadlines } from '../../shared/planned-deadlines';
import type { Consultation } from '../domain/consultation';
import { answerDeadlines } from '../domain/consultation-events';

/**
 * A consultation's answer deadlines: reminders to the body and the overdue alert, each firing once, cancelled
 * when the opinion is in or the consultation closes.
 */
@Injectable()
export class ConsultationDeadlines {
  private readonly reminders: readonly number[];

  constructor(
    private readonly deadlines: PlannedDeadlines,
    @Inject(PLATFORM_CONFIG) config: ConsultationsConfig,
  ) {
    this.reminders = config.CONSULTATION_ANSWER_REMINDERS;
  }

  plan(manager: EntityManager, c: Consultation, today: CalendarDate): Promise<void> {
    const subject = { id: c.id, region: c.state.regions[0] ?? null, version: c.version };
    return this.deadlines.keep(manager, subject, answerDeadlines(c, this.reminders, today));
  }

  cancel(manager: EntityManager, c: Consultation): Promise<void> {
    return this.deadlines.cancel(manager, c.id);
  }
}
