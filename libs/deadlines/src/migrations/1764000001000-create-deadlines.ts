import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The deadlines table: each row is the truth about one deadline; Redis only holds its timer. */
export class CreateDeadlines1764000001000 implements MigrationInterface {
  name = 'CreateDeadlines1764000001000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE deadlines (
        id uuid PRIMARY KEY,
        kind text NOT NULL,
        subject_id text NOT NULL,
        region text NULL,
        due_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'pending',
        event_type text NOT NULL,
        aggregate_version integer NOT NULL,
        payload jsonb NOT NULL,
        correlation_id text NULL,
        created_at timestamptz NOT NULL,
        fired_at timestamptz NULL,
        cancelled_at timestamptz NULL,
        fire_attempts integer NOT NULL DEFAULT 0,
        last_error text NULL,
        CONSTRAINT deadlines_status CHECK (status IN ('pending', 'fired', 'cancelled')),
        CONSTRAINT deadlines_fired_at CHECK ((status = 'fired') = (fired_at IS NOT NULL)),
        CONSTRAINT deadlines_cancelled_at CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL))
      )`);
    // The reconciler walks pending deadlines by due time; fired and cancelled ones stay out of the index.
    await runner.query(
      "CREATE INDEX deadlines_pending_due ON deadlines (due_at, id) WHERE status = 'pending'",
    );
    await runner.query('CREATE INDEX deadlines_subject ON deadlines (subject_id, kind)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE deadlines');
  }
}
