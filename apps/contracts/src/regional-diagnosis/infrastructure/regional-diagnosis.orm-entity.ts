import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per region: the diagnosis, its latest version's number (for lists) and its ETag. */
@Entity({ name: 'regional_diagnoses' })
export class RegionalDiagnosisOrmEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  region!: string;

  @Column({ name: 'latest_version', type: 'int' })
  latestVersion!: number;

  /** The aggregate's version: the ETag, compared with If-Match. */
  @Column({ type: 'int' })
  version!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
