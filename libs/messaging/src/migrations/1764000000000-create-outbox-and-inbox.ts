import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The messaging tables every service database carries: its outbox (event log) and its inbox. */
export class CreateOutboxAndInbox1764000000000 implements MigrationInterface {
  name = 'CreateOutboxAndInbox1764000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE outbox (
        seq bigserial PRIMARY KEY,
        id uuid NOT NULL,
        type text NOT NULL,
        aggregate_id text NOT NULL,
        envelope jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz NULL
      )`);
    await runner.query('CREATE UNIQUE INDEX outbox_id ON outbox (id)');
    await runner.query('CREATE INDEX outbox_pending ON outbox (seq) WHERE sent_at IS NULL');
    await runner.query('CREATE INDEX outbox_sent_at ON outbox (sent_at) WHERE sent_at IS NOT NULL');
    await runner.query(`
      CREATE TABLE inbox (
        event_id uuid PRIMARY KEY,
        type text NOT NULL,
        producer text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX inbox_type ON inbox (type)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE inbox');
    await runner.query('DROP TABLE outbox');
  }
}
