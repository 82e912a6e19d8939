import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The directory records each service's competent Caisse (organisation events v2, `service.caisseId`), so
 * that agrément and service-project e-mails reach that Caisse only, never every Caisse of the region.
 * Rows projected from version 1 events stay null until the next `organisation.updated` (or a replay of
 * the agreements service's log) brings it: until then no Caisse is told, and the decision says why.
 */
export class AddDirectoryServiceCaisse1764400004000 implements MigrationInterface {
  name = 'AddDirectoryServiceCaisse1764400004000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE directory_organisations ADD COLUMN caisse_id uuid NULL');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE directory_organisations DROP COLUMN caisse_id');
  }
}
