import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The yearly information of the restricted formation (and its successors) on the DIRECCTE's regional agrément
 * policy (seed 002 I.2): one per region and year, its due date, and once presented, the figures shown.
 */
export class CreateAgrementPolicyReports1764440000000 implements MigrationInterface {
  name = 'CreateAgrementPolicyReports1764440000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE agrement_policy_reports (
        id uuid PRIMARY KEY,
        region text NOT NULL,
        year int NOT NULL,
        due_on date NOT NULL,
        status text NOT NULL CHECK (status IN ('due', 'presented')),
        presented_on date NULL,
        body_id uuid NULL REFERENCES bodies (id),
        figures jsonb NULL,
        version int NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        UNIQUE (region, year)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE agrement_policy_reports');
  }
}
