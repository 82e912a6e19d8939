import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A deadline whose day had passed before it was known is kept as `skipped`: a trace, never fired. */
export class AllowSkippedDeadlines1764000001100 implements MigrationInterface {
  name = 'AllowSkippedDeadlines1764000001100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE deadlines
        DROP CONSTRAINT deadlines_status,
        ADD CONSTRAINT deadlines_status CHECK (status IN ('pending', 'fired', 'cancelled', 'skipped'))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query("DELETE FROM deadlines WHERE status = 'skipped'");
    await runner.query(`
      ALTER TABLE deadlines
        DROP CONSTRAINT deadlines_status,
        ADD CONSTRAINT deadlines_status CHECK (status IN ('pending', 'fired', 'cancelled'))`);
  }
}
