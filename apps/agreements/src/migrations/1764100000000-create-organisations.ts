import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOrganisations1764100000000 implements MigrationInterface {
  name = 'CreateOrganisations1764100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE organisations (
        id uuid PRIMARY KEY,
        type text NOT NULL,
        name text NOT NULL,
        regions text[] NOT NULL,
        contacts jsonb NOT NULL,
        version int NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await runner.query('CREATE INDEX organisations_regions ON organisations USING gin (regions)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE organisations');
  }
}
