import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The consumer's observable effect in the tests: one row per applied event. */
export class CreateTestEffects1764000009000 implements MigrationInterface {
  name = 'CreateTestEffects1764000009000';
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'CREATE TABLE effects (id bigserial PRIMARY KEY, event_id uuid NOT NULL, aggregate_id text NOT NULL, note text NOT NULL, applied_by int NOT NULL)',
    );
    await runner.query('CREATE TABLE attempts (event_id uuid NOT NULL, attempt int NOT NULL)');
    // A note listed here makes its handler fail until the test lifts the block (a cause then fixed).
    await runner.query('CREATE TABLE blocked_notes (note text PRIMARY KEY)');
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE blocked_notes');
    await runner.query('DROP TABLE attempts');
    await runner.query('DROP TABLE effects');
  }
}
