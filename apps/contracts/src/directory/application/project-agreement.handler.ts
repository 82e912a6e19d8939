import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type AgreementFact, type AgreementStanding, applyAgreementFact } from '../domain/agreement-standing';
import { DirectoryRepository } from '../infrastructure/directory.repository';

/** The envelope fields the projection reads of any `agreement.*` event. */
export interface AgreementFactEnvelope {
  aggregateVersion: number;
  occurredAt: string;
  payload: { agreementId: string; serviceId: string };
}

/** Keeps each service's agréments from the `agreement.*` facts, in the consumer's transaction. */
@Injectable()
export class ProjectAgreementHandler {
  constructor(private readonly directory: DirectoryRepository) {}

  /** Applies the fact; answers the standing before and after it. */
  async apply(
    manager: EntityManager,
    event: AgreementFactEnvelope,
    fact: AgreementFact,
  ): Promise<{ before: AgreementStanding | null; after: AgreementStanding }> {
    const before = await this.directory.lockAgreement(manager, event.payload.agreementId);
    const after = applyAgreementFact(before, event.payload, fact, event.aggregateVersion);
    await this.directory.saveAgreement(manager, after, new Date(event.occurredAt));
    return { before, after };
  }
}
