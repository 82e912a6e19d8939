import { Injectable } from '@nestjs/common';
import type { EntitySubscriberInterface, QueryRunner, TransactionCommitEvent } from 'typeorm';
import { ArrivalLog } from './arrival-log';
import { wallClockMs } from './wall-clock';

/**
 * Notes when each bench effect is committed, not merely written: the handler tells which transaction
 * carries which event, and TypeORM's after-commit hook (registered as a subscriber of the consumer's
 * DataSource) stamps the time once PostgreSQL has acknowledged the COMMIT.
 */
@Injectable()
export class EffectCommitRecorder implements EntitySubscriberInterface {
  readonly committed = new ArrivalLog();
  private readonly pending = new Map<QueryRunner, number[]>();

  /**
   * Called by the handler, inside the transaction that writes the effect of event `seq` (the consumer
   * may apply several events in one transaction).
   */
  expect(runner: QueryRunner | undefined, seq: number): void {
    if (!runner) throw new Error('the bench handler ran outside a transaction');
    const seqs = this.pending.get(runner);
    if (seqs) seqs.push(seq);
    else this.pending.set(runner, [seq]);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const seqs = this.pending.get(event.queryRunner);
    if (seqs === undefined) return;
    this.pending.delete(event.queryRunner);
    const at = wallClockMs();
    for (const seq of seqs) this.committed.record(seq, at);
  }

  afterTransactionRollback(event: TransactionCommitEvent): void {
    this.pending.delete(event.queryRunner);
  }
}
