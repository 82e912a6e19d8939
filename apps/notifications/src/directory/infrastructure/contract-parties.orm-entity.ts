import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Mapping of `contract_parties` (created by `CreateContractParties1764400002000`, never synchronized). */
@Entity({ name: 'contract_parties' })
export class ContractPartiesOrmEntity {
  @PrimaryColumn({ name: 'contract_id', type: 'uuid' })
  contractId!: string;

  @Column({ name: 'service_id', type: 'uuid' })
  serviceId!: string;

  @Column({ name: 'caisse_id', type: 'uuid' })
  caisseId!: string;

  @Column({ name: 'direccte_id', type: 'uuid' })
  direccteId!: string;

  @Column({ type: 'text', array: true })
  regions!: string[];

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
