import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Agréments know their service's type (SSTI or SSTA) and competent Caisse, and how they came onto the platform:
 * filed here, or recorded as they already stood when the region joined (no filing date then).
 */
export class AddAgreementServiceTypeCaisseAndOrigin1764110002000 implements MigrationInterface {
  name = 'AddAgreementServiceTypeCaisseAndOrigin1764110002000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE agreements
        ADD COLUMN service_type text NOT NULL DEFAULT 'SSTI' CHECK (service_type IN ('SSTI', 'SSTA')),
        ADD COLUMN caisse_id uuid NULL,
        ADD COLUMN origin jsonb NOT NULL DEFAULT '{"kind":"application"}',
        ALTER COLUMN filed_on DROP NOT NULL,
        ALTER COLUMN decision_due_on DROP NOT NULL,
        ADD CONSTRAINT agreements_filed_unless_recorded
          CHECK ((origin->>'kind' = 'existing') OR (filed_on IS NOT NULL AND decision_due_on IS NOT NULL))`);
    await runner.query('ALTER TABLE agreements ALTER COLUMN service_type DROP DEFAULT');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE agreements
        DROP CONSTRAINT agreements_filed_unless_recorded,
        DROP COLUMN origin,
        DROP COLUMN caisse_id,
        DROP COLUMN service_type`);
  }
}
