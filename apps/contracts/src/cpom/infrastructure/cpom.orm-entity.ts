import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CpomState } from '../domain/cpom';

/** Mapping of `cpoms` (created by `CreateCpoms1764210000000`, never synchronized). */
@Entity({ name: 'cpoms' })
export class CpomOrmEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'service_id', type: 'uuid' })
  serviceId!: string;

  @Column({ name: 'direccte_id', type: 'uuid' })
  direccteId!: string;

  @Column({ name: 'caisse_id', type: 'uuid' })
  caisseId!: string;

  @Column({ type: 'text', array: true })
  regions!: string[];

  @Column({ type: 'text' })
  status!: string;

  /** Submitted at least once: the consulted bodies (CRPRP, ARS) read it from then on. */
  @Column({ type: 'boolean' })
  submitted!: boolean;

  @Column({ name: 'period_start', type: 'date' })
  periodStart!: string;

  @Column({ name: 'period_end', type: 'date' })
  periodEnd!: string;

  @Column({ type: 'text', array: true })
  themes!: string[];

  @Column({ name: 'next_review_due_on', type: 'date', nullable: true })
  nextReviewDueOn!: string | null;

  @Column({ type: 'jsonb' })
  state!: CpomState;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
