import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import {
  DataSource,
  type EntityManager,
  type EntitySubscriberInterface,
  type QueryRunner,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
} from 'typeorm';
import { DeliveryQueue } from './delivery-queue';

// The consumer's commit waits this long at most for Redis; past it the sweep queues the deliveries.
const AFTER_COMMIT_TIMEOUT_MS = 2_000;

/**
 * Queues the sends of the deliveries a transaction recorded, once it has committed: a job for a row
 * that rolled back would find nothing, and a job queued before the commit could run before the row is
 * visible. A TypeORM subscriber, so a handler cannot forget it. A crash or a Redis failure between the
 * commit and the queueing leaves pending rows without a job: the sweep (`DeliverySweeper`) queues them.
 */
@Injectable()
export class DeliveriesAfterCommit implements EntitySubscriberInterface, OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(DeliveriesAfterCommit.name);
  private readonly recorded = new WeakMap<QueryRunner, Set<string>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: DeliveryQueue,
  ) {}

  onModuleInit(): void {
    this.dataSource.subscribers.push(this);
  }

  onModuleDestroy(): void {
    const index = this.dataSource.subscribers.indexOf(this);
    if (index >= 0) this.dataSource.subscribers.splice(index, 1);
  }

  /** Notes that the transaction of `manager` recorded these deliveries. */
  add(manager: EntityManager, deliveryIds: readonly string[]): void {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) throw new Error('Deliveries are recorded only inside a transaction');
    let ids = this.recorded.get(runner);
    if (!ids) {
      ids = new Set();
      this.recorded.set(runner, ids);
    }
    for (const id of deliveryIds) ids.add(id);
  }

  async afterTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const runner = event.queryRunner;
    if (runner.isTransactionActive) return; // a savepoint was released; the real commit comes later
    const ids = this.recorded.get(runner);
    if (!ids) return;
    this.recorded.delete(runner);
    await this.enqueue([...ids]);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    // A savepoint rollback may have undone some of them: the job of a missing row does nothing.
    if (!event.queryRunner.isTransactionActive) this.recorded.delete(event.queryRunner);
  }

  private async enqueue(ids: string[]): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const queued = this.queue.enqueue(ids);
      queued.catch(() => undefined); // reported below if it ends before the timeout, dropped otherwise
      await Promise.race([
        queued,
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`Redis slower than ${AFTER_COMMIT_TIMEOUT_MS} ms`)),
            AFTER_COMMIT_TIMEOUT_MS,
          );
        }),
      ]);
    } catch (error) {
      this.logger.warn(
        `${ids.length} delivery(ies) not queued after commit (${error instanceof Error ? error.message : error}); ` +
          'the sweep will queue them',
      );
    } finally {
      clearTimeout(timer);
    }
  }
}
