import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DirectoryContact } from '../domain/directory-organisation';

/** Mapping of `directory_organisations` (created by `CreateDirectory1764400000000`, never synchronized). */
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

  @Column({ type: 'jsonb' })
  contacts!: DirectoryContact[];

  /** A service's competent Caisse (added by `AddDirectoryServiceCaisse1764400004000`). */
  @Column({ name: 'caisse_id', type: 'uuid', nullable: true })
  caisseId!: string | null;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
