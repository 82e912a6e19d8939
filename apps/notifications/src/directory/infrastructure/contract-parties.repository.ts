import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ContractParties } from '../domain/contract-parties';

interface ContractPartiesRow {
  contract_id: string;
  service_id: string;
  caisse_id: string;
  direccte_id: string;
  regions: string[];
}

/** SQL of the contract parties projection; writes go through the consumer's transaction. */
@Injectable()
export class ContractPartiesRepository {
  /** Stores what the latest event said of the contract's parties (they do not change over its life). */
  async upsert(manager: EntityManager, parties: ContractParties, at: Date): Promise<void> {
    await manager.query(
      `INSERT INTO contract_parties (contract_id, service_id, caisse_id, direccte_id, regions, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (contract_id) DO UPDATE SET
         service_id = EXCLUDED.service_id, caisse_id = EXCLUDED.caisse_id,
         direccte_id = EXCLUDED.direccte_id, regions = EXCLUDED.regions, updated_at = EXCLUDED.updated_at
       WHERE contract_parties.updated_at <= EXCLUDED.updated_at`,
      [parties.contractId, parties.serviceId, parties.caisseId, parties.direccteId, parties.regions, at],
    );
  }

  async find(manager: EntityManager, contractId: string): Promise<ContractParties | null> {
    const rows: ContractPartiesRow[] = await manager.query(
      `SELECT contract_id, service_id, caisse_id, direccte_id, regions FROM contract_parties
       WHERE contract_id = $1`,
      [contractId],
    );
    const row = rows[0];
    return row
      ? {
          contractId: row.contract_id,
          serviceId: row.service_id,
          caisseId: row.caisse_id,
          direccteId: row.direccte_id,
          regions: row.regions,
        }
      : null;
  }
}
