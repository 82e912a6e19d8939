import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Mapping of `notified_events` (created by `CreateDeliveries1764400001000`, never synchronized). */
@Entity({ name: 'notified_events' })
export class NotifiedEventOrmEntity {
  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @Column({ name: 'event_type', type: 'text' })
  eventType!: string;

  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt!: Date;

  /** How many deliveries the decision recorded (0: nobody concerned accepts notifications). */
  @Column({ type: 'integer' })
  deliveries!: number;

  /** The parties of the rule that reached nobody, and why (`AddDecisionUntoldParties1764400005000`). */
  @Column({ type: 'jsonb' })
  untold!: { party: string; reason: string }[];
}
