import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The parties of each CPOM, from the `contract.*` events that name them, so that the events that name
 * only the service (`contract.amended`, `review_completed`, `evaluated`, `consultation.*`) still reach
 * the contract's Caisse and DIRECCTE.
 */
export class CreateContractParties1764400002000 implements MigrationInterface {
  name = 'CreateContractParties1764400002000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE contract_parties (
        contract_id uuid PRIMARY KEY,
        service_id uuid NOT NULL,
        caisse_id uuid NOT NULL,
        direccte_id uuid NOT NULL,
        regions text[] NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE contract_parties');
  }
}
