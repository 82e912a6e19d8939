import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Service projects (L.4622-14): one row per project, one per version of its text. The project row keeps
 * the aggregate's version (ETag) and, for lists, its latest version's status and which version is in force.
 * The indexes hold the rules the database can: at most one version in force, one pending at a time.
 */
export class CreateServiceProjects1764120000000 implements MigrationInterface {
  name = 'CreateServiceProjects1764120000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE service_projects (
        id uuid PRIMARY KEY,
        service_id uuid NOT NULL REFERENCES organisations (id),
        status text NOT NULL CHECK (status IN ('draft', 'adopted', 'approved')),
        latest_version int NOT NULL CHECK (latest_version >= 1),
        in_force_version int NULL,
        version int NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await runner.query('CREATE INDEX service_projects_service ON service_projects (service_id, created_at)');
    await runner.query('CREATE INDEX service_projects_status ON service_projects (status)');
    await runner.query(`
      CREATE TABLE service_project_versions (
        project_id uuid NOT NULL REFERENCES service_projects (id),
        number int NOT NULL CHECK (number >= 1),
        status text NOT NULL CHECK (status IN ('draft', 'adopted', 'approved', 'superseded')),
        title text NOT NULL,
        period_start date NOT NULL,
        period_end date NOT NULL,
        diagnosis text NOT NULL,
        priorities jsonb NOT NULL,
        drafted_on date NOT NULL,
        revised_on date NULL,
        revision_reason text NULL,
        adopted_on date NULL,
        cmt_text text NULL,
        approved_on date NULL,
        PRIMARY KEY (project_id, number),
        CHECK (period_end > period_start),
        CHECK (approved_on IS NULL OR (adopted_on IS NOT NULL AND approved_on >= adopted_on))
      )`);
    await runner.query(
      "CREATE UNIQUE INDEX service_project_versions_in_force ON service_project_versions (project_id) WHERE status = 'approved'",
    );
    await runner.query(
      "CREATE UNIQUE INDEX service_project_versions_pending ON service_project_versions (project_id) WHERE status IN ('draft', 'adopted')",
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE service_project_versions');
    await runner.query('DROP TABLE service_projects');
  }
}
