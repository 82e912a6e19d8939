import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Deadline, PlannedEvent } from '../domain/deadline';

/**
 * What a deadline does to its aggregate when it fires, in the firing transaction: an expiry marks the
 * agrément expired, a decision deadline records the implicit agrément. Answers the event to publish
 * (usually the scheduled one, possibly with the aggregate's new version), or null to publish nothing
 * because the effect found nothing left to do.
 */
export type DeadlineEffect = (
  manager: EntityManager,
  deadline: Deadline,
  now: Date,
) => Promise<PlannedEvent | null>;

/**
 * Effects by deadline kind. A deadline of a kind without an effect just publishes its event. Modules
 * register theirs in `onModuleInit`, before any timer or reconciler runs (they start at bootstrap).
 */
@Injectable()
export class DeadlineEffects {
  private readonly effects = new Map<string, DeadlineEffect>();

  register(kind: string, effect: DeadlineEffect): void {
    if (this.effects.has(kind)) throw new Error(`a deadline effect is already registered for ${kind}`);
    this.effects.set(kind, effect);
  }

  for(kind: string): DeadlineEffect | undefined {
    return this.effects.get(kind);
  }
}
