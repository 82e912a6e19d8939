import { Injectable } from '@nestjs/common';
import { type CalendarDate, calendarDateAt } from '@tripartite/calendar';
import { Clock } from '@tripartite/clock';
import type { PlatformEvent } from '@tripartite/events';
import { assertVersionMatches } from '@tripartite/http';
import { ChangeRecorder } from '@tripartite/platform';
import { DataSource, type EntityManager } from 'typeorm';
import type { Consultation } from '../domain/consultation';
import { ConsultationNotFoundError } from '../domain/consultation.errors';
import { ConsultationRepository } from '../infrastructure/consultation.repository';
import { ConsultationAuthority } from './consultation-authority';

export interface ConsultationStep {
  manager: EntityManager;
  today: CalendarDate;
  versionBefore: number;
}

/**
 * The frame of every command on a consultation: one transaction that serialises the CPOM's consultations,
 * loads and locks this one, checks the caller may act on it and `If-Match`, applies the handler's step and
 * writes the row; `record` adds its event and audit entry. A refused command writes nothing.
 */
@Injectable()
export class ConsultationChanges {
  constructor(
    private readonly dataSource: DataSource,
    private readonly consultations: ConsultationRepository,
    private readonly authority: ConsultationAuthority,
    private readonly recorder: ChangeRecorder,
    private readonly clock: Clock,
  ) {}

  today(): CalendarDate {
    return calendarDateAt(this.clock.now());
  }

  now(): Date {
    return this.clock.now();
  }

  change(
    id: string,
    expectedVersion: number,
    step: (consultation: Consultation, at: ConsultationStep) => Promise<void>,
  ): Promise<Consultation> {
    return this.dataSource.transaction(async (manager) => {
      const found = await this.consultations.findById(id, manager);
      if (!found) throw new ConsultationNotFoundError(id);
      this.authority.assertMayAct(found);
      // One CPOM's consultations change one at a time: the last opinion in sees every other one.
      await this.consultations.lockContract(manager, found.state.contractId);
      const consultation = await this.consultations.findById(id, manager, true);
      if (!consultation) throw new ConsultationNotFoundError(id);
      assertVersionMatches(expectedVersion, consultation.version);
      const versionBefore = consultation.version;
      await step(consultation, { manager, today: this.today(), versionBefore });
      await this.consultations.update(manager, consultation, this.now());
      return consultation;
    });
  }

  /** The event and the audit entry of a consultation's change. */
  record(
    manager: EntityManager,
    consultation: Consultation,
    change: {
      action: string;
      versionBefore: number | null;
      summary: string;
      event: PlatformEvent;
      auditPayload?: Record<string, unknown>;
    },
  ): Promise<void> {
    return this.recorder.record(
      manager,
      {
        type: 'consultation',
        id: consultation.id,
        version: consultation.version,
        region: consultation.state.regions[0] ?? null,
      },
      change,
    );
  }

  /** `consultation.completed`, recorded on the CPOM version it completes. */
  recordCompletion(manager: EntityManager, event: PlatformEvent<'consultation.completed'>): Promise<void> {
    const p = event.payload;
    return this.recorder.record(
      manager,
      {
        type: 'contract_consultations',
        id: p.contractId,
        version: p.contractVersion,
        region: p.regions[0] ?? null,
      },
      {
        action: 'consultation.completed',
        versionBefore: null,
        summary: `Every opinion is in on version ${p.contractVersion} of CPOM ${p.contractId}`,
        event,
      },
    );
  }
}
