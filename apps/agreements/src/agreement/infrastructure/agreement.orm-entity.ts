import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AgreementState } from '../domain/agreement.types';

/** Dates are `date` columns, read back as `YYYY-MM-DD` strings: calendar dates, no zone. */
@Entity({ name: 'agreements' })
export class AgreementOrmEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'service_id', type: 'uuid' })
  serviceId!: string;

  @Column({ name: 'service_name', type: 'text' })
  serviceName!: string;

  @Column({ type: 'text', array: true })
  regions!: string[];

  @Column({ name: 'service_type', type: 'text' })
  serviceType!: AgreementState['serviceType'];

  @Column({ name: 'employees_followed', type: 'int', nullable: true })
  employeesFollowed!: number | null;

  @Column({ name: 'caisse_id', type: 'uuid', nullable: true })
  caisseId!: string | null;

  @Column({ type: 'jsonb' })
  origin!: AgreementState['origin'];

  @Column({ type: 'text' })
  application!: AgreementState['application'];

  @Column({ name: 'filed_on', type: 'date', nullable: true })
  filedOn!: string | null;

  @Column({ name: 'decision_due_on', type: 'date', nullable: true })
  decisionDueOn!: string | null;

  @Column({ name: 'previous_agreement_id', type: 'uuid', nullable: true })
  previousAgreementId!: string | null;

  @Column({ name: 'late_renewal', type: 'boolean' })
  lateRenewal!: boolean;

  @Column({ type: 'text' })
  status!: AgreementState['status'];

  @Column({ name: 'inspector_opinion', type: 'jsonb', nullable: true })
  inspectorOpinion!: AgreementState['inspectorOpinion'];

  @Column({ type: 'jsonb', nullable: true })
  decision!: AgreementState['decision'];

  @Column({ type: 'boolean' })
  conditional!: boolean;

  @Column({ name: 'valid_from', type: 'date', nullable: true })
  validFrom!: string | null;

  @Column({ name: 'valid_until', type: 'date', nullable: true })
  validUntil!: string | null;

  @Column({ name: 'superseded_by', type: 'uuid', nullable: true })
  supersededBy!: string | null;

  @Column({ type: 'jsonb' })
  notices!: AgreementState['notices'];

  @Column({ type: 'jsonb', nullable: true })
  sanction!: AgreementState['sanction'];

  @Column({ name: 'member_information', type: 'jsonb', nullable: true })
  memberInformation!: AgreementState['memberInformation'];

  @Column({ type: 'int' })
  version!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
