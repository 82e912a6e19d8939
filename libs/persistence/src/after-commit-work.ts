import { Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';

/**
 * Work on another system (Redis timers, send jobs) that must follow a transaction's commit, never
 * precede it: a transaction notes the ids it touched (`note`), and once it has really committed
 * (not a savepoint release) `afterCommit` runs with them, on the same connection now outside the
 * transaction. The caller's `transaction()` resolves after it, bounded by `timeoutMs`: past that, or on
 * failure, the work is left to the subclass's periodic healer (reconciler, sweep), which it names.
 * A TypeORM subscriber, so callers cannot forget it.
 */
export abstract class AfterCommitWork implements EntitySubscriberInterface, OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(this.constructor.name);
  private readonly noted = new WeakMap<QueryRunner, Set<string>>();

  /** What the ids are, and what heals them if the work is not done: for the warning. */
  protected abstract readonly subject: { what: string; healer: string };
  protected readonly timeoutMs: number = 2_000;

  constructor(protected readonly dataSource: DataSource) {}

  /** Does the work for ids whose transaction committed. `runner` is outside any transaction now. */
  protected abstract afterCommit(runner: QueryRunner, ids: string[]): Promise<void>;

  onModuleInit(): void {
    this.dataSource.subscribers.push(this);
  }

  onModuleDestroy(): void {
    const index = this.dataSource.subscribers.indexOf(this);
    if (index >= 0) this.dataSource.subscribers.splice(index, 1);
  }

  /** Notes that the transaction of `manager` touched these ids. */
  note(manager: EntityManager, ids: readonly string[]): void {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive)
      throw new Error(`${this.subject.what} change only inside a transaction`);
    let set = this.noted.get(runner);
    if (!set) {
      set = new Set();
      this.noted.set(runner, set);
    }
    for (const id of ids) set.add(id);
  }

  async afterTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const runner = event.queryRunner;
    if (runner.isTransactionActive) return; // a savepoint was released; the real commit comes later
    const ids = this.noted.get(runner);
    if (!ids) return;
    this.noted.delete(runner);
    await this.runBounded(runner, [...ids]);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    // After a savepoint rollback the transaction goes on; the work after commit re-reads what is true.
    if (!event.queryRunner.isTransactionActive) this.noted.delete(event.queryRunner);
  }

  private async runBounded(runner: QueryRunner, ids: string[]): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const work = this.afterCommit(runner, ids);
      work.catch(() => undefined); // reported below if it ends before the timeout, dropped otherwise
      await Promise.race([
        work,
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`slower than ${this.timeoutMs} ms`)), this.timeoutMs);
        }),
      ]);
    } catch (error) {
      this.logger.warn(
        `${ids.length} ${this.subject.what} not handled after commit (${error instanceof Error ? error.message : error}); ` +
          `${this.subject.healer} will`,
      );
    } finally {
      clearTimeout(timer);
    }
  }
}
