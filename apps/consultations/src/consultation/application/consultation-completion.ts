import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { allOpinionsIn, type Consultation } from '../domain/consultation';
import { consultationEvents } from '../domain/consultation-events';
import { ConsultationRepository } from '../infrastructure/consultation.repository';
import { ConsultationChanges } from './consultation-changes';

/**
 * After an opinion: when every consultation of the plan on that CPOM version has its opinion,
 * `consultation.completed` (with the opinions), which the contracts service turns into ready-to-sign. Runs
 * under the CPOM's lock, so the last opinion in sees all the others.
 */
@Injectable()
export class ConsultationCompletion {
  constructor(
    private readonly consultations: ConsultationRepository,
    private readonly changes: ConsultationChanges,
  ) {}

  /** The open or answered consultations of the same version as `of` (itself included, as it now stands). */
  async siblings(manager: EntityManager, of: Consultation): Promise<Consultation[]> {
    const all = await this.consultations.forContract(manager, of.state.contractId);
    return all
      .filter((c) => c.state.contractVersion === of.state.contractVersion && c.state.status !== 'closed')
      .map((c) => (c.id === of.id ? of : c));
  }

  async completeIfAllIn(manager: EntityManager, delivered: Consultation): Promise<boolean> {
    const version = await this.siblings(manager, delivered);
    if (!allOpinionsIn(version)) return false;
    await this.changes.recordCompletion(manager, consultationEvents.completed(version, this.changes.today()));
    return true;
  }
}
