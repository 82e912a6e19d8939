import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Consulted bodies as data with a validity (CRPRP restricted formation 2012–2016, GPRO 2017–2022, CRPST since
 * 2022, CROCT, ARS), their members and each member's declaration of interests (D.4622-44, D.4641-34).
 */
export class CreateBodies1764410000000 implements MigrationInterface {
  name = 'CreateBodies1764410000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE bodies (
        id uuid PRIMARY KEY,
        kind text NOT NULL,
        region text NOT NULL,
        name text NOT NULL,
        organisation_id uuid NOT NULL,
        valid_from date NOT NULL,
        valid_until date NULL,
        version int NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CHECK (valid_until IS NULL OR valid_until >= valid_from)
      )`);
    await runner.query('CREATE INDEX bodies_region ON bodies (region, kind)');
    await runner.query(`
      CREATE TABLE body_members (
        id uuid PRIMARY KEY,
        body_id uuid NOT NULL REFERENCES bodies (id),
        name text NOT NULL,
        college text NOT NULL,
        organisation_id uuid NULL,
        email text NOT NULL,
        mandate_from date NOT NULL,
        mandate_until date NULL,
        interests jsonb NOT NULL,
        version int NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CHECK (mandate_until IS NULL OR mandate_until >= mandate_from)
      )`);
    await runner.query('CREATE INDEX body_members_body ON body_members (body_id, name)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE body_members');
    await runner.query('DROP TABLE bodies');
  }
}
