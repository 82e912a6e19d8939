import { Injectable } from '@nestjs/common';
import { AfterCommitWork } from '@tripartite/persistence';
import { DataSource } from 'typeorm';
import { DeliveryQueue } from './delivery-queue';

/**
 * Queues the sends of the deliveries a transaction recorded, once it has committed: a job for a row
 * that rolled back would find nothing, and a job queued before the commit could run before the row is
 * visible. A crash or a Redis failure in between leaves pending rows without a job: the sweep
 * (`DeliverySweeper`) queues them.
 */
@Injectable()
export class DeliveriesAfterCommit extends AfterCommitWork {
  protected readonly subject = { what: 'delivery(ies)', healer: 'the sweep' };

  constructor(
    dataSource: DataSource,
    private readonly queue: DeliveryQueue,
  ) {
    super(dataSource);
  }

  protected async afterCommit(_runner: unknown, ids: string[]): Promise<void> {
    await this.queue.enqueue(ids);
  }
}
