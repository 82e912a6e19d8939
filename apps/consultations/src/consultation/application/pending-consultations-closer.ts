import { Injectable } from '@nestjs/common';
import type { CalendarDate } from '@tripartite/calendar';
import type { EntityManager } from 'typeorm';
import type { Consultation } from '../domain/consultation';
import type { CloseReason } from '../domain/consultation.types';
import { consultationEvents } from '../domain/consultation-events';
import { ConsultationRepository } from '../infrastructure/consultation.repository';
import { ConsultationChanges } from './consultation-changes';
import { ConsultationDeadlines } from './consultation-deadlines';

/**
 * Closes the pending consultations of a CPOM that `which` selects (an older version when a new one is
 * submitted, the withdrawn one): opinions bear on the version that is signed. Each closes with
 * `consultation.closed` and its deadlines cancelled. Call it under the CPOM's lock.
 */
@Injectable()
export class PendingConsultationsCloser {
  constructor(
    private readonly consultations: ConsultationRepository,
    private readonly changes: ConsultationChanges,
    private readonly deadlines: ConsultationDeadlines,
  ) {}

  async close(
    manager: EntityManager,
    all: readonly Consultation[],
    which: (c: Consultation) => boolean,
    reason: CloseReason,
    on: CalendarDate,
  ): Promise<number> {
    const closing = all.filter((c) => c.state.status === 'pending' && which(c));
    for (const c of closing) {
      const versionBefore = c.version;
      c.close(reason, on);
      await this.consultations.update(manager, c, this.changes.now());
      await this.deadlines.cancel(manager, c);
      await this.changes.record(manager, c, {
        action: 'consultation.closed',
        versionBefore,
        summary: `${c.state.bodyName}: consultation on version ${c.state.contractVersion} closed (${reason})`,
        event: consultationEvents.closed(c),
      });
    }
    return closing.length;
  }
}
