import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One version of a regional diagnosis, never changed once written; `date` columns read as `YYYY-MM-DD`. */
@Entity({ name: 'regional_diagnosis_versions' })
export class RegionalDiagnosisVersionOrmEntity {
  @PrimaryColumn({ name: 'diagnosis_id', type: 'uuid' })
  diagnosisId!: string;

  @PrimaryColumn({ type: 'int' })
  number!: number;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  summary!: string;

  @Column({ type: 'jsonb' })
  sources!: string[];

  @Column({ name: 'diagnosed_on', type: 'date' })
  diagnosedOn!: string;

  @Column({ name: 'recorded_on', type: 'date' })
  recordedOn!: string;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy!: string | null;
}
