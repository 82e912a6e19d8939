import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An event this service has already applied; its id is the dedupe key of redeliveries. */
@Entity({ name: 'inbox' })
export class InboxEntryOrmEntity {
  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'text' })
  producer!: string;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' })
  receivedAt!: Date;
}
