import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the agrément renewal view knows of each service's CPOMs, projected from `contract.*` events
 * (never read from the contracts service's tables).
 */
export class CreateCpomProjection1764110001000 implements MigrationInterface {
  name = 'CreateCpomProjection1764110001000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE cpom_projection (
        contract_id uuid PRIMARY KEY,
        service_id uuid NOT NULL,
        regions text[] NOT NULL,
        signed_on date,
        period_start date,
        period_end date,
        amendments int NOT NULL DEFAULT 0,
        latest_review jsonb,
        final_evaluation jsonb,
        updated_at timestamptz NOT NULL
      )`);
    await runner.query('CREATE INDEX cpom_projection_service ON cpom_projection (service_id, period_start)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE cpom_projection');
  }
}
