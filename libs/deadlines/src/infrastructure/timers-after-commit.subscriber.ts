import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import {
  DataSource,
  type EntityManager,
  type EntitySubscriberInterface,
  type QueryRunner,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
} from 'typeorm';
import { DeadlineRepository } from './deadline.repository';
import { DeadlineTimers } from './deadline-timers';

// The caller's commit waits this long at most for Redis; past it the timers are left to the reconciler.
const AFTER_COMMIT_TIMEOUT_MS = 2_000;

/**
 * Sets timers only once the transaction that changed the deadlines has committed: a timer for a
 * rolled-back deadline would be harmless (the worker finds no row) but a timer removed for a
 * cancellation that rolled back would not be. Registered as a TypeORM subscriber, so callers cannot
 * forget it; the caller's `transaction()` resolves after the timers are set.
 *
 * After the commit it re-reads the rows it saw touched and makes Redis match them, so savepoints,
 * several changes to one deadline in one transaction, and concurrent replicas all end up right.
 * A crash between the commit and this step leaves rows without timers: the reconciler heals that.
 */
@Injectable()
export class TimersAfterCommit implements EntitySubscriberInterface, OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(TimersAfterCommit.name);
  private readonly touched = new WeakMap<QueryRunner, Set<string>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly deadlines: DeadlineRepository,
    private readonly timers: DeadlineTimers,
  ) {}

  onModuleInit(): void {
    this.dataSource.subscribers.push(this);
  }

  onModuleDestroy(): void {
    const index = this.dataSource.subscribers.indexOf(this);
    if (index >= 0) this.dataSource.subscribers.splice(index, 1);
  }

  /** Notes that the transaction of `manager` changed these deadlines. */
  touch(manager: EntityManager, ids: readonly string[]): void {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) throw new Error('Deadlines change only inside a transaction');
    let set = this.touched.get(runner);
    if (!set) {
      set = new Set();
      this.touched.set(runner, set);
    }
    for (const id of ids) set.add(id);
  }

  async afterTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const runner = event.queryRunner;
    if (runner.isTransactionActive) return; // a savepoint was released; the real commit comes later
    const ids = this.touched.get(runner);
    if (!ids) return;
    this.touched.delete(runner);
    await this.syncTimers(runner, [...ids]);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    // After a savepoint rollback the transaction goes on; the re-read after commit sorts it out.
    if (!event.queryRunner.isTransactionActive) this.touched.delete(event.queryRunner);
  }

  private async syncTimers(runner: QueryRunner, ids: string[]): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      // Same connection, now outside the transaction: reads the committed truth without taking
      // another pool connection (a full pool of committing callers must not wait on each other).
      const states = await this.deadlines.timerStates(runner.manager, ids);
      const sync = this.timers.sync(states);
      sync.catch(() => undefined); // reported below if it ends before the timeout, dropped otherwise
      await Promise.race([
        sync,
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`Redis slower than ${AFTER_COMMIT_TIMEOUT_MS} ms`)),
            AFTER_COMMIT_TIMEOUT_MS,
          );
        }),
      ]);
    } catch (error) {
      this.logger.warn(
        `Timers of ${ids.length} deadline(s) not set after commit (${error instanceof Error ? error.message : error}); ` +
          'the reconciler will set them',
      );
    } finally {
      clearTimeout(timer);
    }
  }
}
