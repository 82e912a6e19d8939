import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The CPOMs. The whole aggregate (contents, opinions, signatures, frozen signed versions with their SHA-256)
 * is one jsonb `state`; the columns beside it are what lists filter on, written from the same state.
 */
export class CreateCpoms1764210000000 implements MigrationInterface {
  name = 'CreateCpoms1764210000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE cpoms (
        id uuid PRIMARY KEY,
        service_id uuid NOT NULL,
        direccte_id uuid NOT NULL,
        caisse_id uuid NOT NULL,
        regions text[] NOT NULL,
        status text NOT NULL,
        submitted boolean NOT NULL,
        period_start date NOT NULL,
        period_end date NOT NULL,
        themes text[] NOT NULL,
        next_review_due_on date,
        state jsonb NOT NULL,
        version integer NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await runner.query('CREATE INDEX cpoms_service ON cpoms (service_id, period_start)');
    await runner.query('CREATE INDEX cpoms_regions ON cpoms USING gin (regions)');
    await runner.query('CREATE INDEX cpoms_themes ON cpoms USING gin (themes)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE cpoms');
  }
}
