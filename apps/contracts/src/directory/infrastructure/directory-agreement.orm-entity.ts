import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AgreementStandingStatus } from '../domain/agreement-standing';

/** Mapping of `directory_agreements` (created by `CreateDirectory1764200000000`, never synchronized). */
@Entity({ name: 'directory_agreements' })
export class DirectoryAgreementOrmEntity {
  @PrimaryColumn({ name: 'agreement_id', type: 'uuid' })
  agreementId!: string;

  @Column({ name: 'service_id', type: 'uuid' })
  serviceId!: string;

  @Column({ type: 'text' })
  status!: AgreementStandingStatus;

  @Column({ name: 'valid_from', type: 'date', nullable: true })
  validFrom!: string | null;

  @Column({ name: 'valid_until', type: 'date', nullable: true })
  validUntil!: string | null;

  @Column({ name: 'withdrawn_on', type: 'date', nullable: true })
  withdrawnOn!: string | null;

  @Column({ name: 'refused_at_renewal', type: 'boolean' })
  refusedAtRenewal!: boolean;

  @Column({ name: 'renewed_by', type: 'uuid', nullable: true })
  renewedBy!: string | null;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
