import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@tripartite/clock';
import { PLATFORM_CONFIG, type PlatformConfig } from '@tripartite/config';
import { runWithContext, systemActor } from '@tripartite/context';
import { type EventCatalogue, readPayload } from '@tripartite/events';
import { EVENT_CATALOGUE, OutboxWriter } from '@tripartite/messaging';
import { DataSource } from 'typeorm';
import { type Deadline, isDue } from '../domain/deadline';
import { InvalidDeadlineError } from '../domain/deadline.errors';
import { DeadlineRepository } from '../infrastructure/deadline.repository';
import { DeadlineEffects } from './deadline-effects';

export type FireOutcome =
  | { kind: 'fired'; deadline: Deadline }
  | { kind: 'not-due'; dueAt: Date }
  /** Already fired or cancelled: nothing to do. */
  | { kind: 'settled'; status: Deadline['status'] }
  /** No such row (a timer outliving its deadline), or locked by another replica that is firing it. */
  | { kind: 'skipped' };

export interface FireOptions {
  /** `wait` for a row another replica holds (the worker), or `skip-locked` past it (the reconciler). */
  lock: 'wait' | 'skip-locked';
  /**
   * Called with the row still locked when the deadline is not due yet, so that putting the timer back
   * cannot race with a reschedule committing meanwhile (its UPDATE waits for this lock).
   */
  whenNotDue?: (dueAt: Date) => Promise<void>;
}

/**
 * Fires one deadline, once, whoever asks (timer, reconciler, any replica): in one transaction it locks
 * the row, checks it is still pending and due on the platform clock, appends its event to the outbox
 * and marks it fired. Two replicas racing on the same deadline serialize on the row lock; the second
 * finds it fired.
 */
@Injectable()
export class FireDeadlineHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deadlines: DeadlineRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly effects: DeadlineEffects,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @Inject(EVENT_CATALOGUE) private readonly catalogue: EventCatalogue,
  ) {}

  /**
   * The event a deadline was planned with, read as the catalogue's current version of it: planned years ago, it
   * may have been written as an earlier version since upgraded (upcast step by step, ADR 0011).
   */
  private plannedEventNow(deadline: Deadline): { type: string; aggregateVersion: number; payload: unknown } {
    const { type, version, aggregateVersion, payload } = deadline.event;
    const definition = this.catalogue[type];
    if (!definition) throw new InvalidDeadlineError(`event ${type} is no longer in the event catalogue`);
    const reading = readPayload(definition, version, payload);
    if (!reading.ok)
      throw new InvalidDeadlineError(`its planned ${type} v${version} cannot be read: ${reading.reason}`);
    return { type, aggregateVersion, payload: reading.payload };
  }

  async fire(id: string, options: FireOptions): Promise<FireOutcome> {
    try {
      return await this.dataSource.transaction(async (manager): Promise<FireOutcome> => {
        const deadline = await this.deadlines.findById(manager, id, options.lock);
        if (!deadline) return { kind: 'skipped' };
        if (deadline.status !== 'pending') return { kind: 'settled', status: deadline.status };
        const now = this.clock.now();
        if (!isDue(deadline, now)) {
          await options.whenNotDue?.(deadline.dueAt);
          return { kind: 'not-due', dueAt: deadline.dueAt };
        }
        // The fired event continues the story of the request that scheduled it, caused by the deadline.
        const correlationId = deadline.correlationId ?? deadline.id;
        const context = {
          correlationId,
          causationId: deadline.id,
          actor: systemActor(this.config.SERVICE_NAME),
        };
        await runWithContext(context, async () => {
          // The aggregate's own change (if its kind has one) and the event commit with the firing.
          const effect = this.effects.for(deadline.kind);
          // An effect builds its event now, at the current version; a planned one is read as the current version.
          const event = effect ? await effect(manager, deadline, now) : this.plannedEventNow(deadline);
          if (!event) return;
          await this.outbox.appendStored(manager, {
            type: event.type,
            aggregateId: deadline.subjectId,
            aggregateVersion: event.aggregateVersion,
            region: deadline.region,
            payload: event.payload,
            correlationId,
            causationId: deadline.id,
          });
        });
        await this.deadlines.markFired(manager, id, now);
        return { kind: 'fired', deadline: { ...deadline, status: 'fired', firedAt: now, lastError: null } };
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await this.deadlines.recordFailure(this.dataSource.manager, id, reason).catch(() => undefined);
      throw error;
    }
  }
}
