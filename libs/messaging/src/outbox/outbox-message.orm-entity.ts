import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One domain event waiting to be (or already) published. Written in the same transaction as the
 * change it reports; sent rows stay as the service's event log until the retention purge.
 */
@Entity({ name: 'outbox' })
export class OutboxMessageOrmEntity {
  /** Commit-order key: the relay publishes in this order, so events of one aggregate stay in order. */
  @PrimaryGeneratedColumn({ type: 'bigint' })
  seq!: string;

  @Index({ unique: true })
  @Column({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ name: 'aggregate_id', type: 'text' })
  aggregateId!: string;

  @Column({ type: 'jsonb' })
  envelope!: Record<string, unknown>;

  /** W3C trace context of the command that wrote it (`traceparent`…), published with it; null outside a trace. */
  @Column({ name: 'trace_context', type: 'jsonb', nullable: true })
  traceContext!: Record<string, string> | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}
