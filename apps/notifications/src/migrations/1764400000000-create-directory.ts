import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The directory projection: organisations and their contacts as the last `organisation.*` event told them.
 * `version` is the aggregate version of that event, so an older event arriving late changes nothing.
 */
export class CreateDirectory1764400000000 implements MigrationInterface {
  name = 'CreateDirectory1764400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE directory_organisations (
        id uuid PRIMARY KEY,
        type text NOT NULL,
        name text NOT NULL,
        regions text[] NOT NULL,
        contacts jsonb NOT NULL,
        version integer NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT directory_organisations_contacts CHECK (jsonb_typeof(contacts) = 'array')
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE directory_organisations');
  }
}
