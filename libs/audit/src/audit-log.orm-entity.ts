import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One command applied to one aggregate, written in the transaction of the change. Never updated. */
@Entity({ name: 'audit_log' })
@Index('audit_log_aggregate', ['aggregateType', 'aggregateId', 'occurredAt', 'id'])
export class AuditLogOrmEntity {
  /** UUIDv7: time-ordered, the tie-breaker between entries of the same instant. */
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ name: 'actor_subject', type: 'text' })
  actorSubject!: string;

  @Column({ name: 'actor_roles', type: 'text', array: true })
  actorRoles!: string[];

  @Column({ name: 'actor_organisation_id', type: 'text', nullable: true })
  actorOrganisationId!: string | null;

  @Column({ name: 'actor_region', type: 'text', nullable: true })
  actorRegion!: string | null;

  @Column({ type: 'text' })
  action!: string;

  @Column({ name: 'aggregate_type', type: 'text' })
  aggregateType!: string;

  @Column({ name: 'aggregate_id', type: 'text' })
  aggregateId!: string;

  @Column({ name: 'version_before', type: 'integer', nullable: true })
  versionBefore!: number | null;

  @Column({ name: 'version_after', type: 'integer', nullable: true })
  versionAfter!: number | null;

  @Column({ type: 'text' })
  summary!: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload!: Record<string, unknown>;

  @Column({ name: 'correlation_id', type: 'text', nullable: true })
  correlationId!: string | null;

  @Column({ name: 'causation_id', type: 'text', nullable: true })
  causationId!: string | null;

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId!: string | null;
}
