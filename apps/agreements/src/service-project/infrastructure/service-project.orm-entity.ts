import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ServiceProjectStatus } from '../domain/service-project.types';

@Entity({ name: 'service_projects' })
export class ServiceProjectOrmEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'service_id', type: 'uuid' })
  serviceId!: string;

  /** The latest version's status, kept here for lists and filters. */
  @Column({ type: 'text' })
  status!: ServiceProjectStatus;

  /** The pending version, else the one in force (a withdrawn revision is not the latest). */
  @Column({ name: 'latest_version', type: 'int' })
  latestVersion!: number;

  @Column({ name: 'in_force_version', type: 'int', nullable: true })
  inForceVersion!: number | null;

  /** The aggregate's version: the ETag, compared with If-Match. */
  @Column({ type: 'int' })
  version!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
