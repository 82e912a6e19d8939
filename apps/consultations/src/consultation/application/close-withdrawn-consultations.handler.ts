import { Injectable } from '@nestjs/common';
import type { PayloadOf } from '@tripartite/events';
import type { EntityManager } from 'typeorm';
import { ConsultationRepository } from '../infrastructure/consultation.repository';
import { ConsultationChanges } from './consultation-changes';
import { PendingConsultationsCloser } from './pending-consultations-closer';

/** `contract.submission_withdrawn`: the pending consultations on that version close (submission withdrawn). */
@Injectable()
export class CloseWithdrawnConsultationsHandler {
  constructor(
    private readonly consultations: ConsultationRepository,
    private readonly changes: ConsultationChanges,
    private readonly closer: PendingConsultationsCloser,
  ) {}

  async execute(
    manager: EntityManager,
    withdrawn: PayloadOf<'contract.submission_withdrawn'>,
  ): Promise<number> {
    await this.consultations.lockContract(manager, withdrawn.contractId);
    const all = await this.consultations.forContract(manager, withdrawn.contractId);
    return this.closer.close(
      manager,
      all,
      (c) => c.state.contractVersion === withdrawn.contentVersion,
      'submission_withdrawn',
      this.changes.today(),
    );
  }
}
