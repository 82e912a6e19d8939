import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One `Idempotency-Key` of one caller: pending while its first request runs, then the answer it got,
 * replayed to every repeat until `expiresAt`.
 */
@Entity({ name: 'idempotency_keys' })
export class IdempotencyKeyOrmEntity {
  @PrimaryColumn({ type: 'text' })
  subject!: string;

  @PrimaryColumn({ type: 'text' })
  key!: string;

  @Column({ type: 'text' })
  method!: string;

  @Column({ type: 'text' })
  path!: string;

  @Column({ name: 'request_hash', type: 'text' })
  requestHash!: string;

  @Column({ type: 'text' })
  state!: 'pending' | 'completed';

  @Column({ name: 'response_status', type: 'integer', nullable: true })
  responseStatus!: number | null;

  @Column({ name: 'response_body', type: 'json', nullable: true })
  responseBody!: unknown;

  @Column({ name: 'response_headers', type: 'jsonb', default: () => "'{}'" })
  responseHeaders!: Record<string, string>;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  /** A pending key whose lease ran out belonged to a process that died; the next repeat takes it over. */
  @Column({ name: 'locked_until', type: 'timestamptz' })
  lockedUntil!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;
}
