import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PartnershipTheme, ProgressPoint, ProtocolStatus } from '../domain/partnership-protocol.types';

/** One row per protocol, its progress points inline (append-only, few); `date` columns read as `YYYY-MM-DD`. */
@Entity({ name: 'partnership_protocols' })
export class PartnershipProtocolOrmEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'service_id', type: 'uuid' })
  serviceId!: string;

  @Column({ name: 'caisse_id', type: 'uuid' })
  caisseId!: string;

  @Column({ name: 'direccte_id', type: 'uuid' })
  direccteId!: string;

  @Column({ type: 'text', array: true })
  regions!: string[];

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', array: true })
  themes!: PartnershipTheme[];

  @Column({ type: 'text' })
  status!: ProtocolStatus;

  @Column({ name: 'opened_on', type: 'date' })
  openedOn!: string;

  @Column({ name: 'concluded_on', type: 'date', nullable: true })
  concludedOn!: string | null;

  @Column({ name: 'starts_on', type: 'date', nullable: true })
  startsOn!: string | null;

  @Column({ name: 'ends_on', type: 'date', nullable: true })
  endsOn!: string | null;

  @Column({ name: 'ended_on', type: 'date', nullable: true })
  endedOn!: string | null;

  @Column({ name: 'end_reason', type: 'text', nullable: true })
  endReason!: string | null;

  @Column({ name: 'progress_points', type: 'jsonb' })
  progressPoints!: ProgressPoint[];

  /** The aggregate's version: the ETag, compared with If-Match. */
  @Column({ type: 'int' })
  version!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
