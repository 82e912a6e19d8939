import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The service's parked-message log: what its parking queue received, kept where it can be listed, paged
 * and replayed (ADR 0011). `fingerprint` makes a redelivery from the parking queue a no-op.
 */
export class CreateParkedMessages1764000000200 implements MigrationInterface {
  name = 'CreateParkedMessages1764000000200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE parked_messages (
        id uuid PRIMARY KEY,
        fingerprint text NOT NULL UNIQUE,
        event_id text,
        type text,
        version integer,
        reason text NOT NULL,
        unknown_version integer,
        attempts integer NOT NULL,
        parked_at timestamptz NOT NULL,
        collected_at timestamptz NOT NULL DEFAULT now(),
        content bytea NOT NULL,
        properties jsonb NOT NULL
      )`);
    await runner.query('CREATE INDEX parked_messages_by_time ON parked_messages (parked_at, id)');
    await runner.query(
      'CREATE INDEX parked_messages_newer_version ON parked_messages (type) WHERE unknown_version IS NOT NULL',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE parked_messages');
  }
}
