import { Column, Entity, PrimaryColumn } from 'typeorm';

export interface DatedNote {
  on: string;
  summary: string;
}

/** One CPOM as the agreements service knows it from `contract.*` events. */
@Entity({ name: 'cpom_projection' })
export class CpomProjectionOrmEntity {
  @PrimaryColumn({ name: 'contract_id', type: 'uuid' })
  contractId!: string;

  @Column({ name: 'service_id', type: 'uuid' })
  serviceId!: string;

  @Column({ type: 'text', array: true })
  regions!: string[];

  @Column({ name: 'signed_on', type: 'date', nullable: true })
  signedOn!: string | null;

  @Column({ name: 'period_start', type: 'date', nullable: true })
  periodStart!: string | null;

  @Column({ name: 'period_end', type: 'date', nullable: true })
  periodEnd!: string | null;

  @Column({ type: 'int' })
  amendments!: number;

  @Column({ name: 'latest_review', type: 'jsonb', nullable: true })
  latestReview!: DatedNote | null;

  @Column({ name: 'final_evaluation', type: 'jsonb', nullable: true })
  finalEvaluation!: DatedNote | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
