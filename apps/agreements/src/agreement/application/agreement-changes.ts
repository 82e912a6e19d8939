import { Injectable } from '@nestjs/common';
import { ScopeEnforcer } from '@tripartite/auth';
import { type CalendarDate, calendarDateAt } from '@tripartite/calendar';
import { Clock } from '@tripartite/clock';
import { assertVersionMatches } from '@tripartite/http';
import { type Change, ChangeRecorder } from '@tripartite/platform';
import { DataSource, type EntityManager } from 'typeorm';
import type { Agreement } from '../domain/agreement';
import { AgreementNotFoundError } from '../domain/agreement.errors';
import type { AgreementService } from '../domain/agreement.types';
import { AgreementRepository } from '../infrastructure/agreement.repository';
import { AgreedServices } from './agreed-services';

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
    private readonly services: AgreedServices,
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

  /**
   * The frame of the commands that create an agrément (filing an application, recording an existing one): one
   * transaction with the service as the directory knows it now, locked so that two creations for the same
   * service run one after the other; the step decides, then `insert`s the agrément.
   */
  create(
    serviceId: string,
    step: (service: AgreementService, manager: EntityManager) => Promise<Agreement>,
  ): Promise<Agreement> {
    return this.dataSource.transaction(async (manager) => {
      const service = await this.services.find(manager, serviceId);
      await this.agreements.lockService(manager, service.serviceId);
      return step(service, manager);
    });
  }

  /** A new agrément's row, with its event and audit entry (no version before it). */
  async insert(
    manager: EntityManager,
    agreement: Agreement,
    change: Omit<Change, 'versionBefore'>,
  ): Promise<void> {
    await this.agreements.insert(manager, agreement, this.clock.now());
    await this.record(manager, agreement, { ...change, versionBefore: null });
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
