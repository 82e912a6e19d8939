import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type Deadline, DeadlineEffects, type PlannedEvent } from '@tripartite/deadlines';
import type { EntityManager } from 'typeorm';
import { CpomDeadlineKind, REVIEW_KINDS } from '../domain/cpom-deadlines';
import { cpomEvents } from '../domain/cpom-events';
import { CpomRepository } from '../infrastructure/cpom.repository';
import { CpomChanges } from './cpom-changes';
import { CpomDeadlines } from './cpom-deadlines';

/**
 * What the CPOM's state-changing deadline does when it fires, in the firing transaction: the day after its
 * last day the CPOM is EXPIRED (D.4622-47) and `contract.expired` tells the parties its final evaluation is
 * due. Reminders need no effect; a reminder of a review already held was cancelled when it was recorded.
 */
@Injectable()
export class CpomDeadlineEffects implements OnModuleInit {
  constructor(
    private readonly effects: DeadlineEffects,
    private readonly cpoms: CpomRepository,
    private readonly changes: CpomChanges,
    private readonly deadlines: CpomDeadlines,
  ) {}

  onModuleInit(): void {
    this.effects.register(CpomDeadlineKind.expiry, (manager, deadline, now) =>
      this.expire(manager, deadline, now),
    );
  }

  private async expire(manager: EntityManager, deadline: Deadline, now: Date): Promise<PlannedEvent | null> {
    const cpom = await this.cpoms.findById(deadline.subjectId, manager, true);
    if (!cpom) return null;
    // A deadline planned for an end that has since moved (an amendment) is not this CPOM's expiry any more.
    const plannedEnd = (deadline.event.payload as { periodEnd?: string }).periodEnd;
    if (plannedEnd !== cpom.content.periodEnd) return null;
    const versionBefore = cpom.version;
    if (!cpom.expire()) return null;
    await this.deadlines.cancel(manager, cpom.id, REVIEW_KINDS);
    if (!(await this.cpoms.save(manager, cpom, versionBefore, now))) return null;
    const event = cpomEvents.expired(cpom);
    // The deadline module publishes the event with the firing; the audit entry says which deadline it was.
    await this.changes.record(manager, cpom, versionBefore, {
      action: event.type,
      summary: `CPOM expired at the end of its period (deadline ${deadline.id})`,
    });
    return { ...event, aggregateVersion: cpom.version };
  }
}
