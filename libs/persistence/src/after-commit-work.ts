import { Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { type Context, context } from '@opentelemetry/api';
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
 * The work for an id runs in the trace context that was active when it was noted: a consumer's
 * transaction may hold several events, each in its own trace, and what follows each (a send job, a
 * timer) stays in its trace (ADR 0013).
 */
export abstract class AfterCommitWork implements EntitySubscriberInterface, OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(this.constructor.name);
  /** Per open transaction, the ids it touched and the trace context each was noted in. */
  private readonly noted = new WeakMap<QueryRunner, Map<string, Context>>();

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
    let noted = this.noted.get(runner);
    if (!noted) {
      noted = new Map();
      this.noted.set(runner, noted);
    }
    for (const id of ids) if (!noted.has(id)) noted.set(id, context.active());
  }

  async afterTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const runner = event.queryRunner;
    if (runner.isTransactionActive) return; // a savepoint was released; the real commit comes later
    const noted = this.noted.get(runner);
    if (!noted) return;
    this.noted.delete(runner);
    await this.runBounded(runner, noted);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    // After a savepoint rollback the transaction goes on; the work after commit re-reads what is true.
    if (!event.queryRunner.isTransactionActive) this.noted.delete(event.queryRunner);
  }

  private async runBounded(runner: QueryRunner, noted: Map<string, Context>): Promise<void> {
    const ids = [...noted.keys()];
    let timer: NodeJS.Timeout | undefined;
    try {
      const work = this.inNotedContexts(runner, noted);
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

  /** One call per trace context, in it (a single call for a transaction that ran in one context). */
  private async inNotedContexts(runner: QueryRunner, noted: Map<string, Context>): Promise<void> {
    const byContext = new Map<Context, string[]>();
    for (const [id, noting] of noted) {
      const ids = byContext.get(noting);
      if (ids) ids.push(id);
      else byContext.set(noting, [id]);
    }
    for (const [noting, ids] of byContext) await context.with(noting, () => this.afterCommit(runner, ids));
  }
}
