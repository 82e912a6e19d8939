import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The contracts service's directory: the organisations (from `organisation.*`) and each service's agréments
 * (from `agreement.*`), projected from events, never read from the agreements service. `version` is the
 * aggregate version of the latest fact applied, so an older event arriving late changes nothing.
 */
export class CreateDirectory1764200000000 implements MigrationInterface {
  name = 'CreateDirectory1764200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE directory_organisations (
        id uuid PRIMARY KEY,
        type text NOT NULL,
        name text NOT NULL,
        regions text[] NOT NULL,
        caisse_id uuid,
        btp boolean NOT NULL,
        employees_followed integer,
        version integer NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await runner.query(
      'CREATE INDEX directory_organisations_regions ON directory_organisations USING gin (regions)',
    );
    await runner.query(`
      CREATE TABLE directory_agreements (
        agreement_id uuid PRIMARY KEY,
        service_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('granted', 'refused', 'withdrawn', 'expired')),
        valid_from date,
        valid_until date,
        withdrawn_on date,
        refused_at_renewal boolean NOT NULL,
        renewed_by uuid,
        version integer NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await runner.query(
      'CREATE INDEX directory_agreements_service ON directory_agreements (service_id, valid_from)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE directory_agreements');
    await runner.query('DROP TABLE directory_organisations');
  }
}
