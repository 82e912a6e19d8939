import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The service's audit trail: who did what to which aggregate, when, from which version to which.
 * Append-only: a trigger refuses UPDATE and DELETE, so an administrative decision stays traceable.
 */
export class CreateAuditLog1764000003000 implements MigrationInterface {
  name = 'CreateAuditLog1764000003000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE audit_log (
        id uuid PRIMARY KEY,
        occurred_at timestamptz NOT NULL,
        actor_subject text NOT NULL,
        actor_roles text[] NOT NULL,
        actor_organisation_id text NULL,
        actor_region text NULL,
        action text NOT NULL,
        aggregate_type text NOT NULL,
        aggregate_id text NOT NULL,
        version_before integer NULL,
        version_after integer NULL,
        summary text NOT NULL,
        payload jsonb NOT NULL DEFAULT '{}',
        correlation_id text NULL,
        causation_id text NULL,
        request_id text NULL
      )`);
    await runner.query(
      'CREATE INDEX audit_log_aggregate ON audit_log (aggregate_type, aggregate_id, occurred_at, id)',
    );
    await runner.query(`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP;
      END $$`);
    await runner.query(`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE audit_log');
    await runner.query('DROP FUNCTION audit_log_append_only()');
  }
}
