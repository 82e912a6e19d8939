import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A service withdraws a version of its project not yet approved by the board (ADR 0008): the version keeps
 * its row, status `withdrawn`, with the day and the reason; a project withdrawn before any approval takes
 * status `withdrawn` too, and never has a version in force. The partial unique indexes stay as they are:
 * a withdrawn version is neither in force (`approved`) nor pending (`draft`, `adopted`), so a new revision
 * may be drafted after one is withdrawn.
 */
export class AddServiceProjectWithdrawal1764120001000 implements MigrationInterface {
  name = 'AddServiceProjectWithdrawal1764120001000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE service_projects
        DROP CONSTRAINT service_projects_status_check,
        ADD CONSTRAINT service_projects_status_check
          CHECK (status IN ('draft', 'adopted', 'approved', 'withdrawn')),
        ADD CONSTRAINT service_projects_withdrawn_never_in_force
          CHECK (status <> 'withdrawn' OR in_force_version IS NULL)`);
    await runner.query(`
      ALTER TABLE service_project_versions
        ADD COLUMN withdrawn_on date NULL,
        ADD COLUMN withdrawal_reason text NULL,
        DROP CONSTRAINT service_project_versions_status_check,
        ADD CONSTRAINT service_project_versions_status_check
          CHECK (status IN ('draft', 'adopted', 'approved', 'superseded', 'withdrawn')),
        ADD CONSTRAINT service_project_versions_withdrawal_dated
          CHECK ((status = 'withdrawn') = (withdrawn_on IS NOT NULL)),
        ADD CONSTRAINT service_project_versions_withdrawal_reasoned
          CHECK ((withdrawn_on IS NULL) = (withdrawal_reason IS NULL)),
        ADD CONSTRAINT service_project_versions_withdrawn_unapproved
          CHECK (withdrawn_on IS NULL OR (approved_on IS NULL AND withdrawn_on >= drafted_on))`);
  }

  /** Fails while a withdrawn project or version exists: the earlier schema has no place for them. */
  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE service_project_versions
        DROP CONSTRAINT service_project_versions_withdrawn_unapproved,
        DROP CONSTRAINT service_project_versions_withdrawal_reasoned,
        DROP CONSTRAINT service_project_versions_withdrawal_dated,
        DROP CONSTRAINT service_project_versions_status_check,
        ADD CONSTRAINT service_project_versions_status_check
          CHECK (status IN ('draft', 'adopted', 'approved', 'superseded')),
        DROP COLUMN withdrawal_reason,
        DROP COLUMN withdrawn_on`);
    await runner.query(`
      ALTER TABLE service_projects
        DROP CONSTRAINT service_projects_withdrawn_never_in_force,
        DROP CONSTRAINT service_projects_status_check,
        ADD CONSTRAINT service_projects_status_check CHECK (status IN ('draft', 'adopted', 'approved'))`);
  }
}
