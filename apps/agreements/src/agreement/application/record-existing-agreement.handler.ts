import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { Agreement, type ExistingAgreementRecord } from '../domain/agreement';
import { agreementEvents } from '../domain/agreement-events';
import { AgreementAuthority } from './agreement-authority';
import { AgreementChanges } from './agreement-changes';
import { AgreementDeadlines } from './agreement-deadlines';

/** The record as the DIRECCTE enters it: the service by its id; the rest as the domain takes it. */
export type RecordExistingAgreementCommand = Omit<ExistingAgreementRecord, 'service' | 'today'> & {
  serviceId: string;
};

/**
 * A region joins the platform with agréments granted years ago: the DIRECCTE (or an admin) records each as it
 * stands, with its real decision and dates, without it looking like a new application (ADR 0009). Deadlines
 * still ahead are planned; those already past are recorded as skipped and never fire; an agrément whose end
 * has passed is recorded expired. `agreement.recorded` tells the other services (they count it like a grant);
 * nobody is told of a new decision.
 */
@Injectable()
export class RecordExistingAgreementHandler {
  constructor(
    private readonly authority: AgreementAuthority,
    private readonly changes: AgreementChanges,
    private readonly deadlines: AgreementDeadlines,
  ) {}

  execute(command: RecordExistingAgreementCommand): Promise<Agreement> {
    return this.changes.create(command.serviceId, async (service, manager) => {
      const { serviceId: _serviceId, ...record } = command;
      const today = this.changes.today();
      const agreement = Agreement.recordExisting(uuidv7(), { ...record, service, today });
      this.authority.assertDireccteOf(agreement);
      // The exclusion constraint refuses a period overlapping another agrément of the service (409).
      await this.changes.insert(manager, agreement, {
        action: 'agreement.recorded',
        event: agreementEvents.recorded(agreement),
        summary: `existing agrément recorded: ${agreement.state.validFrom} to ${agreement.state.validUntil} (${agreement.status})`,
      });
      await this.deadlines.forTerm(manager, agreement, today);
      return agreement;
    });
  }
}
