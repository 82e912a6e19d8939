import { Injectable } from '@nestjs/common';
import { ScopeEnforcer } from '@tripartite/auth';
import { type CalendarDate, calendarDateAt } from '@tripartite/calendar';
import { Clock } from '@tripartite/clock';
import { assertVersionMatches } from '@tripartite/http';
import { type Change, ChangeRecorder } from '@tripartite/platform';
import { DataSource, type EntityManager } from 'typeorm';
import type { Agreement } from '../domain/agreement';
import { AgreementNotFoundError } from '../domain/agreement.errors';
import { AgreementRepository } from '../infrastructure/agreement.repository';

/** Where a command on an agrément runs: its transaction, the Paris date on the platform clock, the version read. */
export interface AgreementStep {
  manager: EntityManager;
  today: CalendarDate;
  versionBefore: number;
}

/**
 * The frame every command on an existing agrément runs in, shared by their handlers: one transaction that
 * loads and locks the agrément, checks the caller may see it and that nobody changed it since the client read
 * it (If-Match), applies the handler's step, and writes the row — with, through `record`, its event and audit
 * entry. A refused command writes nothing.
 */
@Injectable()
export class AgreementChanges {
  constructor(
    private readonly dataSource: DataSource,
    private readonly agreements: AgreementRepository,
    private readonly recorder: ChangeRecorder,
    private readonly scope: ScopeEnforcer,
    private readonly clock: Clock,
  ) {}

  /** Today in Paris on the platform clock: the day rules compare dates with. */
  today(): CalendarDate {
    return calendarDateAt(this.clock.now());
  }

  change(
    id: string,
    expectedVersion: number,
    step: (agreement: Agreement, at: AgreementStep) => Promise<void>,
  ): Promise<Agreement> {
    return this.dataSource.transaction(async (manager) => {
      const agreement = await this.agreements.findById(id, manager, true);
      if (!agreement) throw new AgreementNotFoundError(id);
      this.scope.assertCanRead({
        regions: agreement.state.regions,
        organisationIds: [agreement.state.serviceId],
      });
      assertVersionMatches(expectedVersion, agreement.version);
      const versionBefore = agreement.version;
      await step(agreement, { manager, today: this.today(), versionBefore });
      await this.agreements.update(manager, agreement, versionBefore, this.clock.now());
      return agreement;
    });
  }

  /** The event (if any) and the audit entry of a change, in its transaction. */
  record(manager: EntityManager, agreement: Agreement, change: Change): Promise<void> {
    return this.recorder.record(
      manager,
      {
        type: 'agreement',
        id: agreement.id,
        version: agreement.version,
        region: agreement.state.regions[0] ?? null,
      },
      change,
    );
  }
}
