import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Priority, VersionStatus } from '../domain/service-project.types';

/** One version of a project's text; `date` columns read back as `YYYY-MM-DD` strings. */
@Entity({ name: 'service_project_versions' })
export class ServiceProjectVersionOrmEntity {
  @PrimaryColumn({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @PrimaryColumn({ type: 'int' })
  number!: number;

  @Column({ type: 'text' })
  status!: VersionStatus;

  @Column({ type: 'text' })
  title!: string;

  @Column({ name: 'period_start', type: 'date' })
  periodStart!: string;

  @Column({ name: 'period_end', type: 'date' })
  periodEnd!: string;

  @Column({ type: 'text' })
  diagnosis!: string;

  @Column({ type: 'jsonb' })
  priorities!: Priority[];

  @Column({ name: 'drafted_on', type: 'date' })
  draftedOn!: string;

  @Column({ name: 'revised_on', type: 'date', nullable: true })
  revisedOn!: string | null;

  @Column({ name: 'revision_reason', type: 'text', nullable: true })
  revisionReason!: string | null;

  @Column({ name: 'adopted_on', type: 'date', nullable: true })
  adoptedOn!: string | null;

  @Column({ name: 'cmt_text', type: 'text', nullable: true })
  cmtText!: string | null;

  @Column({ name: 'approved_on', type: 'date', nullable: true })
  approvedOn!: string | null;

  @Column({ name: 'withdrawn_on', type: 'date', nullable: true })
  withdrawnOn!: string | null;

  @Column({ name: 'withdrawal_reason', type: 'text', nullable: true })
  withdrawalReason!: string | null;
}
