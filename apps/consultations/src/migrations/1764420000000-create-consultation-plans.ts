import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each region's consultation plan, with its validity: the bodies consulted on a CPOM, adoption steps included. */
export class CreateConsultationPlans1764420000000 implements MigrationInterface {
  name = 'CreateConsultationPlans1764420000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE consultation_plans (
        id uuid PRIMARY KEY,
        region text NOT NULL,
        valid_from date NOT NULL,
        valid_until date NULL,
        entries jsonb NOT NULL,
        version int NOT NULL,
        created_at timestamptz NOT NULL,
        CHECK (valid_until IS NULL OR valid_until >= valid_from)
      )`);
    await runner.query('CREATE INDEX consultation_plans_region ON consultation_plans (region, valid_from)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE consultation_plans');
  }
}
