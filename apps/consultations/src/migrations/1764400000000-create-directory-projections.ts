import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the consultations service learns from the agreements service: the organisations of the directory
 * (to check who answers for a body, to name a service in a recusal) and the agrément facts counted in the
 * yearly information on agrément policy (seed 002 I.2). Both are rebuilt by replaying the producer's log.
 */
export class CreateDirectoryProjections1764400000000 implements MigrationInterface {
  name = 'CreateDirectoryProjections1764400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE directory_organisations (
        id uuid PRIMARY KEY,
        type text NOT NULL,
        name text NOT NULL,
        regions text[] NOT NULL,
        version int NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await runner.query(
      'CREATE INDEX directory_organisations_regions ON directory_organisations USING gin (regions)',
    );
    // One row per agrément decision counted in a year's figures (the event id keeps it once).
    await runner.query(`
      CREATE TABLE agrement_decisions (
        event_id uuid PRIMARY KEY,
        agreement_id uuid NOT NULL,
        regions text[] NOT NULL,
        kind text NOT NULL CHECK (kind IN ('granted', 'conditional', 'implicit', 'refused', 'withdrawn')),
        decided_on date NOT NULL
      )`);
    await runner.query('CREATE INDEX agrement_decisions_year ON agrement_decisions (decided_on)');
    // Each agrément's term as it stands: what expires next year, unless withdrawn or renewed.
    await runner.query(`
      CREATE TABLE agrement_terms (
        agreement_id uuid PRIMARY KEY,
        regions text[] NOT NULL,
        valid_until date NOT NULL,
        ended boolean NOT NULL DEFAULT false,
        version int NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE agrement_terms');
    await runner.query('DROP TABLE agrement_decisions');
    await runner.query('DROP TABLE directory_organisations');
  }
}
