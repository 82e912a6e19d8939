import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Regional shared diagnoses (seed 002, part II.4): one row per region (the unique index holds "one per
 * region"), one per version of its text, never updated once written.
 */
export class CreateRegionalDiagnoses1764300000000 implements MigrationInterface {
  name = 'CreateRegionalDiagnoses1764300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE regional_diagnoses (
        id uuid PRIMARY KEY,
        region text NOT NULL,
        latest_version int NOT NULL CHECK (latest_version >= 1),
        version int NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await runner.query('CREATE UNIQUE INDEX regional_diagnoses_region ON regional_diagnoses (region)');
    await runner.query(`
      CREATE TABLE regional_diagnosis_versions (
        diagnosis_id uuid NOT NULL REFERENCES regional_diagnoses (id),
        number int NOT NULL CHECK (number >= 1),
        title text NOT NULL,
        summary text NOT NULL,
        sources jsonb NOT NULL,
        diagnosed_on date NOT NULL,
        recorded_on date NOT NULL,
        recorded_by uuid NULL,
        PRIMARY KEY (diagnosis_id, number)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE regional_diagnosis_versions');
    await runner.query('DROP TABLE regional_diagnoses');
  }
}
