import { Column, Entity, PrimaryColumn, VersionColumn } from 'typeorm';
import type { OrganisationSnapshot } from '../domain/organisation.types';

@Entity({ name: 'organisations' })
export class OrganisationOrmEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  type!: OrganisationSnapshot['type'];

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', array: true })
  regions!: string[];

  @Column({ type: 'jsonb' })
  contacts!: OrganisationSnapshot['contacts'];

  @Column({ name: 'caisse_kind', type: 'text', nullable: true })
  caisseKind!: OrganisationSnapshot['caisseKind'];

  @Column({ type: 'char', length: 14, nullable: true })
  siret!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  service!: OrganisationSnapshot['service'];

  @VersionColumn()
  version!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
