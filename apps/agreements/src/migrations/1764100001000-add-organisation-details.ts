import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The directory's details: the Caisse's kind, the SIRET, and a service's profile (issue 4). */
export class AddOrganisationDetails1764100001000 implements MigrationInterface {
  name = 'AddOrganisationDetails1764100001000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE organisations ADD COLUMN caisse_kind text NULL');
    await runner.query('ALTER TABLE organisations ADD COLUMN siret char(14) NULL');
    await runner.query('ALTER TABLE organisations ADD COLUMN service jsonb NULL');
    await runner.query(
      'CREATE UNIQUE INDEX organisations_siret ON organisations (siret) WHERE siret IS NOT NULL',
    );
    await runner.query('CREATE INDEX organisations_type ON organisations (type)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX organisations_type');
    await runner.query('DROP INDEX organisations_siret');
    await runner.query(
      'ALTER TABLE organisations DROP COLUMN service, DROP COLUMN siret, DROP COLUMN caisse_kind',
    );
  }
}
