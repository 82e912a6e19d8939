import { Inject, Injectable, Optional } from '@nestjs/common';
import { Clock } from '@tripartite/clock';
import { PLATFORM_CONFIG, type PlatformConfig } from '@tripartite/config';
import { runWithContext, systemActor } from '@tripartite/context';
import { type EventCatalogue, readPayload } from '@tripartite/events';
import { MetricsRegistry } from '@tripartite/http';
import { EVENT_CATALOGUE, OutboxWriter } from '@tripartite/messaging';
import { inSpan, type TraceCarrier } from '@tripartite/telemetry';
import type { Counter } from 'prom-client';
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
  /** The trace of the command that scheduled the deadline, when its timer kept it: the firing links to it. */
  scheduledIn?: TraceCarrier;
}

/**
 * A timer fires within a second of the due time; a deadline fired later than this was found overdue
 * (its timer was lost, or no replica was running when it fell due; or the clock was moved forward).
 */
const OVERDUE_AFTER_MS = 60_000;

/**
 * Fires one deadline, once, whoever asks (timer, reconciler, any replica): in one transaction it locks
 * the row, checks it is still pending and due on the platform clock, appends its event to the outbox
 * and marks it fired. Two replicas racing on the same deadline serialize on the row lock; the second
 * finds it fired.
 * Each firing is a trace of its own (it happens long after the request that scheduled it, which it links
 * to when known), so the event it appends and what follows from it (e-mails) are found under it.
 */
@Injectable()
export class FireDeadlineHandler {
  private readonly fired?: Counter<'kind'>;
  private readonly overdue?: Counter<'kind'>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly deadlines: DeadlineRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly effects: DeadlineEffects,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @Inject(EVENT_CATALOGUE) private readonly catalogue: EventCatalogue,
    /** Absent where no HTTP platform is built (tests of deadlines alone). */
    @Optional() metrics?: MetricsRegistry,
  ) {
    this.fired = metrics?.counter({
      name: 'tripartite_deadlines_fired_total',
      help: 'Deadlines fired (their event appended to the outbox), by kind',
      labelNames: ['kind'],
    });
    this.overdue = metrics?.counter({
      name: 'tripartite_deadlines_overdue_total',
      help: `Deadlines fired more than ${OVERDUE_AFTER_MS / 1000} s after they fell due (platform clock), by kind`,
      labelNames: ['kind'],
    });
  }

  fire(id: string, options: FireOptions): Promise<FireOutcome> {
    return inSpan(
      'fire deadline',
      { parent: 'none', links: [options.scheduledIn], attributes: { 'tripartite.deadline.id': id } },
      async (span) => {
        const outcome = await this.fireOnce(id, options);
        span.setAttribute('tripartite.deadline.outcome', outcome.kind);
        if (outcome.kind === 'fired') {
          span.setAttribute('tripartite.deadline.kind', outcome.deadline.kind);
          this.count(outcome.deadline);
        }
        return outcome;
      },
    );
  }

  private count(deadline: Deadline): void {
    const labels = { kind: deadline.kind };
    this.fired?.inc(labels);
    if (deadline.firedAt && deadline.firedAt.getTime() - deadline.dueAt.getTime() > OVERDUE_AFTER_MS) {
      this.overdue?.inc(labels);
    }
  }

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

  private async fireOnce(id: string, options: FireOptions): Promise<FireOutcome> {
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
