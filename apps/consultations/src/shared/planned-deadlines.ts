import { Injectable } from '@nestjs/common';
import { type CalendarDate, startOfDayInParis } from '@tripartite/calendar';
import { DeadlineScheduler, deadlineIdFor } from '@tripartite/deadlines';
import type { PlatformEvent } from '@tripartite/events';
import type { EntityManager } from 'typeorm';

/** One deadline a slice plans: its kind, what makes its id, its Paris day, the event it publishes. */
export interface PlannedDeadline {
  kind: string;
  discriminator: string;
  dueOn: CalendarDate;
  event: PlatformEvent;
}

/**
 * Keeps a subject's planned deadlines in the deadline module, in the caller's transaction: ids derived from kind,
 * subject and discriminator (planning twice keeps one; each fires once), due at the start of the Paris day;
 * reminders whose day had passed are recorded as skipped, never fired.
 */
@Injectable()
export class PlannedDeadlines {
  constructor(private readonly scheduler: DeadlineScheduler) {}

  async keep(
    manager: EntityManager,
    subject: { id: string; region: string | null; version: number },
    plan: { due: readonly PlannedDeadline[]; past: readonly PlannedDeadline[] },
  ): Promise<void> {
    const toSchedule = (d: PlannedDeadline) => ({
      id: deadlineIdFor(d.kind, subject.id, d.discriminator),
      kind: d.kind,
      subjectId: subject.id,
      region: subject.region,
      dueAt: startOfDayInParis(d.dueOn),
      event: { ...d.event, aggregateVersion: subject.version },
    });
    for (const d of plan.due) await this.scheduler.schedule(manager, toSchedule(d));
    for (const d of plan.past) await this.scheduler.recordSkipped(manager, toSchedule(d));
  }

  /** Cancels every pending deadline of the subject (the answer is in, the information presented). */
  async cancel(manager: EntityManager, subjectId: string): Promise<void> {
    await this.scheduler.cancelForSubject(manager, subjectId);
  }
}
