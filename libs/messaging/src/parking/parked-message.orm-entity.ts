import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { KeptProperties } from './parked-message';

/** A message this service could not apply, taken from its parking queue; replayable from here. */
@Entity({ name: 'parked_messages' })
@Index('parked_messages_by_time', ['parkedAt', 'id'])
export class ParkedMessageOrmEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text', unique: true })
  fingerprint!: string;

  @Column({ name: 'event_id', type: 'text', nullable: true })
  eventId!: string | null;

  @Column({ type: 'text', nullable: true })
  type!: string | null;

  @Column({ type: 'integer', nullable: true })
  version!: number | null;

  @Column({ type: 'text' })
  reason!: string;

  /** The version it was parked for not knowing yet; replayed by the first release that reads it. */
  @Column({ name: 'unknown_version', type: 'integer', nullable: true })
  unknownVersion!: number | null;

  @Column({ type: 'integer' })
  attempts!: number;

  @Column({ name: 'parked_at', type: 'timestamptz' })
  parkedAt!: Date;

  @Column({ name: 'collected_at', type: 'timestamptz', default: () => 'now()' })
  collectedAt!: Date;

  @Column({ type: 'bytea' })
  content!: Buffer;

  @Column({ type: 'jsonb' })
  properties!: KeptProperties;
}
