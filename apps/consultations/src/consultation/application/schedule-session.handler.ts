import { Injectable } from '@nestjs/common';
import type { CalendarDate } from '@tripartite/calendar';
import { BodyRepository } from '../../body/infrastructure/body.repository';
import type { Consultation } from '../domain/consultation';
import { consultationEvents } from '../domain/consultation-events';
import { ConsultationChanges } from './consultation-changes';
import { Recusals } from './recusals';

/**
 * The secretariat schedules the session where the college body examines the CPOM; the members whose
 * declaration of interests links them to the service on that day are listed as recused (D.4622-44).
 */
@Injectable()
export class ScheduleSessionHandler {
  constructor(
    private readonly changes: ConsultationChanges,
    private readonly bodies: BodyRepository,
    private readonly recusals: Recusals,
  ) {}

  execute(id: string, expectedVersion: number, sessionOn: CalendarDate): Promise<Consultation> {
    return this.changes.change(id, expectedVersion, async (c, { manager, versionBefore }) => {
      const members = await this.bodies.members(c.state.bodyId, manager);
      const recused = await this.recusals.onSessionDay(manager, c, members, sessionOn);
      c.scheduleSession(sessionOn, recused);
      await this.changes.record(manager, c, {
        action: 'consultation.session_scheduled',
        versionBefore,
        summary: `${c.state.bodyName}: session on ${sessionOn}, ${recused.length} member(s) recused (D.4622-44)`,
        event: consultationEvents.sessionScheduled(c),
      });
    });
  }
}
