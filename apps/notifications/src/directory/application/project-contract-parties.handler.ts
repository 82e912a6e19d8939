import { Injectable } from '@nestjs/common';
import type { EnvelopeOf } from '@tripartite/messaging';
import type { EntityManager } from 'typeorm';
import { ContractPartiesRepository } from '../infrastructure/contract-parties.repository';

/** The `contract.*` events that name the three parties of a CPOM. */
export type ContractEventWithParties =
  | EnvelopeOf<'contract.submitted'>
  | EnvelopeOf<'contract.ready_to_sign'>
  | EnvelopeOf<'contract.signed'>
  | EnvelopeOf<'contract.recorded'>
  | EnvelopeOf<'contract.review_due'>
  | EnvelopeOf<'contract.review_overdue'>
  | EnvelopeOf<'contract.drafted'>
  | EnvelopeOf<'contract.submission_withdrawn'>
  | EnvelopeOf<'contract.term_due'>
  | EnvelopeOf<'contract.evaluation_overdue'>
  | EnvelopeOf<'contract.expired'>
  | EnvelopeOf<'contract.agreement_lapsed'>;

/** Keeps who the three parties of each CPOM are, from the events that name them. */
@Injectable()
export class ProjectContractPartiesHandler {
  constructor(private readonly contracts: ContractPartiesRepository) {}

  async apply(manager: EntityManager, event: ContractEventWithParties): Promise<void> {
    const { payload } = event;
    await this.contracts.upsert(
      manager,
      {
        contractId: payload.contractId,
        serviceId: payload.serviceId,
        caisseId: payload.caisseId,
        direccteId: payload.direccteId,
        regions: [...payload.regions],
      },
      new Date(event.occurredAt),
    );
  }
}
