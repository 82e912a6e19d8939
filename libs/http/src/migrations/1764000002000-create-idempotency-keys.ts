import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The answers already given to requests carrying an `Idempotency-Key`, per caller, until they expire. */
export class CreateIdempotencyKeys1764000002000 implements MigrationInterface {
  name = 'CreateIdempotencyKeys1764000002000';

  async up(runner: QueryRunner): Promise<void> {
    // response_body is `json`, not `jsonb`: a replay must give back the first answer byte for byte.
    await runner.query(`
      CREATE TABLE idempotency_keys (
        subject text NOT NULL,
        key text NOT NULL,
        method text NOT NULL,
        path text NOT NULL,
        request_hash text NOT NULL,
        state text NOT NULL CHECK (state IN ('pending', 'completed')),
        response_status integer NULL,
        response_body json NULL,
        response_headers jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        locked_until timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (subject, key)
      )`);
    await runner.query('CREATE INDEX idempotency_keys_expires_at ON idempotency_keys (expires_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE idempotency_keys');
  }
}
