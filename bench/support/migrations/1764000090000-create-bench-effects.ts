import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The bench consumer's effect: one row per applied event, as a real projection would write. */
export class CreateBenchEffects1764000090000 implements MigrationInterface {
  name = 'CreateBenchEffects1764000090000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE bench_effects (
        event_id uuid PRIMARY KEY,
        seq bigint NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE bench_effects');
  }
}
