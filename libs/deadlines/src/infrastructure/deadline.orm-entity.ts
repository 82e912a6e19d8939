import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { DeadlineStatus } from '../domain/deadline';

/** Mapping of the `deadlines` table (created by `CreateDeadlines1764000001000`, never synchronized). */
@Entity({ name: 'deadlines' })
@Index('deadlines_subject', ['subjectId', 'kind'])
export class DeadlineOrmEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ name: 'subject_id', type: 'text' })
  subjectId!: string;

  @Column({ type: 'text', nullable: true })
  region!: string | null;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

  @Column({ type: 'text', default: 'pending' })
  status!: DeadlineStatus;

  @Column({ name: 'event_type', type: 'text' })
  eventType!: string;

  @Column({ name: 'aggregate_version', type: 'integer' })
  aggregateVersion!: number;

  @Column({ type: 'jsonb' })
  payload!: unknown;

  @Column({ name: 'correlation_id', type: 'text', nullable: true })
  correlationId!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'fired_at', type: 'timestamptz', nullable: true })
  firedAt!: Date | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  @Column({ name: 'fire_attempts', type: 'integer', default: 0 })
  fireAttempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;
}
