import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@tripartite/clock';
import { currentContext } from '@tripartite/context';
import { type EventCatalogue, type PlatformCatalogue, regionCodeSchema } from '@tripartite/events';
import { EVENT_CATALOGUE } from '@tripartite/messaging';
import { DataSource, type EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { type Deadline, isValidKind, type ScheduleDeadline } from '../domain/deadline';
import {
  DeadlineIdConflictError,
  DeadlineNotFoundError,
  DeadlineNotPendingError,
  InvalidDeadlineError,
} from '../domain/deadline.errors';
import { DeadlineRepository } from '../infrastructure/deadline.repository';
import { TimersAfterCommit } from '../infrastructure/timers-after-commit.subscriber';

/**
 * What services use to keep deadlines. Every change happens in the caller's transaction, next to the
 * domain change that motivates it; the Redis timers follow after the commit (see `TimersAfterCommit`).
 * Given a manager outside a transaction, a method opens its own. The event a deadline publishes is checked
 * by the compiler against catalogue `C` (tests with their own catalogue ask for
 * `app.get<DeadlineScheduler<typeof testCatalogue>>(DeadlineScheduler)`), and again at run time.
 */
@Injectable()
export class DeadlineScheduler<C extends EventCatalogue = PlatformCatalogue> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deadlines: DeadlineRepository,
    private readonly afterCommit: TimersAfterCommit,
    private readonly clock: Clock,
    @Inject(EVENT_CATALOGUE) private readonly catalogue: EventCatalogue,
  ) {}

  /**
   * Schedules a deadline. Idempotent on `id`: scheduling an existing id answers the stored deadline
   * unchanged (use `reschedule` to move it). The event is checked against the catalogue now, so a bad
   * payload fails the command that schedules it rather than a timer years later.
   */
  async schedule(manager: EntityManager, input: ScheduleDeadline<C>): Promise<Deadline> {
    return this.insert(manager, input, 'pending');
  }

  /**
   * Records a deadline whose day passed before it was known (an agrément recorded years after its decision):
   * stored as `skipped`, so the history shows it, and never fired. Idempotent on `id` like `schedule`.
   */
  async recordSkipped(manager: EntityManager, input: ScheduleDeadline<C>): Promise<Deadline> {
    return this.insert(manager, input, 'skipped');
  }

  private async insert(
    manager: EntityManager,
    input: ScheduleDeadline<C>,
    status: 'pending' | 'skipped',
  ): Promise<Deadline> {
    if (!inTransaction(manager)) return manager.transaction((tx) => this.insert(tx, input, status));
    this.validate(input);
    const { deadline, created } = await this.deadlines.insertIfAbsent(manager, {
      id: input.id ?? uuidv7(),
      kind: input.kind,
      subjectId: input.subjectId,
      region: input.region,
      dueAt: input.dueAt,
      status,
      // Stored with the version it was checked against, so that it can be upcast when it fires.
      event: { ...input.event, version: this.catalogue[input.event.type]?.version ?? 1 },
      correlationId: currentContext()?.correlationId ?? null,
      createdAt: this.clock.now(),
      firedAt: null,
      cancelledAt: null,
      fireAttempts: 0,
      lastError: null,
    });
    if (!created && (deadline.kind !== input.kind || deadline.subjectId !== input.subjectId)) {
      throw new DeadlineIdConflictError(deadline.id);
    }
    if (status === 'pending') this.afterCommit.note(manager, [deadline.id]);
    return deadline;
  }

  /**
   * Cancels a pending deadline. A deadline already fired or cancelled is answered as it is: there is
   * nothing left to call off, and the caller sees which happened.
   */
  async cancel(manager: EntityManager, id: string): Promise<Deadline> {
    if (!inTransaction(manager)) return manager.transaction((tx) => this.cancel(tx, id));
    const cancelled = await this.deadlines.cancelPending(manager, id, this.clock.now());
    if (cancelled) {
      this.afterCommit.note(manager, [id]);
      return cancelled;
    }
    const existing = await this.deadlines.findById(manager, id);
    if (!existing) throw new DeadlineNotFoundError(id);
    return existing;
  }

  /** Moves a pending deadline to `dueAt` (earlier or later). A fired or cancelled one cannot move. */
  async reschedule(manager: EntityManager, id: string, dueAt: Date): Promise<Deadline> {
    if (!inTransaction(manager)) return manager.transaction((tx) => this.reschedule(tx, id, dueAt));
    assertValidDate(dueAt);
    const moved = await this.deadlines.reschedulePending(manager, id, dueAt);
    if (moved) {
      this.afterCommit.note(manager, [id]);
      return moved;
    }
    const existing = await this.deadlines.findById(manager, id);
    if (!existing) throw new DeadlineNotFoundError(id);
    throw new DeadlineNotPendingError(id, existing.status);
  }

  /** Cancels the pending deadlines of an aggregate (e.g. when an agrément is withdrawn), of some kinds or all. */
  async cancelForSubject(
    manager: EntityManager,
    subjectId: string,
    kinds?: readonly string[],
  ): Promise<Deadline[]> {
    if (!inTransaction(manager))
      return manager.transaction((tx) => this.cancelForSubject(tx, subjectId, kinds));
    const cancelled = await this.deadlines.cancelPendingForSubject(
      manager,
      subjectId,
      kinds,
      this.clock.now(),
    );
    if (cancelled.length > 0)
      this.afterCommit.note(
        manager,
        cancelled.map((d) => d.id),
      );
    return cancelled;
  }

  /** Every deadline of one aggregate, whatever its status, by due time (what an agrément's page shows). */
  listForSubject(subjectId: string): Promise<Deadline[]> {
    return this.deadlines.listForSubject(this.dataSource.manager, subjectId);
  }

  /** Pending deadlines, soonest first, of one aggregate or of the whole service. */
  listPending(subjectId?: string): Promise<Deadline[]> {
    return this.deadlines.listPending(this.dataSource.manager, subjectId);
  }

  find(id: string): Promise<Deadline | null> {
    return this.deadlines.findById(this.dataSource.manager, id);
  }

  private validate(input: ScheduleDeadline<C>): void {
    if (!isValidKind(input.kind)) {
      throw new InvalidDeadlineError(`kind "${input.kind}" must look like "agreement.renewal_reminder"`);
    }
    if (input.subjectId.length === 0) throw new InvalidDeadlineError('subjectId is empty');
    if (input.region !== null && !regionCodeSchema.safeParse(input.region).success) {
      throw new InvalidDeadlineError(`region "${input.region}" is not an INSEE region code`);
    }
    assertValidDate(input.dueAt);
    if (!Number.isSafeInteger(input.event.aggregateVersion) || input.event.aggregateVersion < 0) {
      throw new InvalidDeadlineError('event.aggregateVersion must be a whole number, 0 or more');
    }
    const definition = this.catalogue[input.event.type];
    if (!definition)
      throw new InvalidDeadlineError(`event ${input.event.type} is not in the event catalogue`);
    const parsed = definition.schema.safeParse(input.event.payload);
    if (!parsed.success) {
      const reasons = parsed.error.issues
        .map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`)
        .join('; ');
      throw new InvalidDeadlineError(`payload of ${input.event.type} refused: ${reasons}`);
    }
  }
}

function inTransaction(manager: EntityManager): boolean {
  return manager.queryRunner?.isTransactionActive === true;
}

function assertValidDate(dueAt: Date): void {
  if (!(dueAt instanceof Date) || Number.isNaN(dueAt.getTime())) {
    throw new InvalidDeadlineError('dueAt must be a valid date');
  }
}
