import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Mapping of `directory_organisations` (created by `CreateDirectory1764200000000`, never synchronized). */
@Entity({ name: 'directory_organisations' })
export class DirectoryOrganisationOrmEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', array: true })
  regions!: string[];

  @Column({ name: 'caisse_id', type: 'uuid', nullable: true })
  caisseId!: string | null;

  @Column({ type: 'boolean' })
  btp!: boolean;

  @Column({ name: 'employees_followed', type: 'integer', nullable: true })
  employeesFollowed!: number | null;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
