import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';
import type { DeliveryStatus, MailAttachment } from '../domain/delivery';

/**
 * Mapping of the `deliveries` table (created by `CreateDeliveries1764400001000`, extended by
 * `AddDeliveryAttachmentsAndRetries1764400003000`; never synchronized).
 */
@Entity({ name: 'deliveries' })
@Unique('deliveries_event_recipient', ['eventId', 'recipientEmail'])
export class DeliveryOrmEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @Column({ name: 'event_type', type: 'text' })
  eventType!: string;

  @Column({ type: 'text' })
  template!: string;

  @Column({ name: 'recipient_email', type: 'text' })
  recipientEmail!: string;

  @Column({ name: 'recipient_name', type: 'text', nullable: true })
  recipientName!: string | null;

  @Column({ name: 'recipient_organisation_id', type: 'uuid', nullable: true })
  recipientOrganisationId!: string | null;

  @Column({ type: 'text', default: 'pending' })
  status!: DeliveryStatus;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'text' })
  html!: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  attachments!: MailAttachment[];

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'last_smtp_reply', type: 'text', nullable: true })
  lastSmtpReply!: string | null;

  @Column({ name: 'last_attempt_at', type: 'timestamptz', nullable: true })
  lastAttemptAt!: Date | null;

  @Column({ type: 'integer', default: 0 })
  retries!: number;

  @Column({ name: 'retried_at', type: 'timestamptz', nullable: true })
  retriedAt!: Date | null;

  @Column({ name: 'correlation_id', type: 'text', nullable: true })
  correlationId!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ name: 'failed_at', type: 'timestamptz', nullable: true })
  failedAt!: Date | null;
}
