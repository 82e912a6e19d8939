import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Cpom } from '../domain/cpom';
import { CpomRuleViolation } from '../domain/cpom.errors';
import { DURATION_RULE } from '../domain/cpom-duration.rule';
import { CpomRepository } from '../infrastructure/cpom.repository';

/**
 * "At most one CPOM in force per service over any date; a new generation starts when the previous one ends"
 * (D.4622-47, domain.md): a CPOM past its draft may not share a day with another of the same service.
 * Serialised per service by an advisory lock held until the transaction ends.
 */
@Injectable()
export class CpomPeriods {
  constructor(private readonly cpoms: CpomRepository) {}

  async assertNoOverlap(
    manager: EntityManager,
    cpom: Cpom | { id: string | null; serviceId: string; periodStart: string; periodEnd: string },
  ): Promise<void> {
    const subject =
      'state' in cpom
        ? {
            id: cpom.id,
            serviceId: cpom.state.parties.serviceId,
            periodStart: cpom.content.periodStart,
            periodEnd: cpom.content.periodEnd,
          }
        : cpom;
    await this.cpoms.lockService(manager, subject.serviceId);
    const other = await this.cpoms.overlapping(manager, subject.serviceId, subject, subject.id);
    if (other) {
      throw new CpomRuleViolation(
        'CPOM.OVERLAP',
        `the service's CPOM ${other.id} (${other.status}) runs from ${other.periodStart} to ${other.periodEnd}`,
        'periodStart',
        `un seul CPOM en vigueur par service à toute date (${DURATION_RULE})`,
        undefined,
        { otherCpomId: other.id },
      );
    }
  }
}
