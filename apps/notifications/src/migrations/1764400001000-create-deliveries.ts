import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The delivery log: one row per (event, recipient), written in the consumer's transaction before any
 * job is queued. The unique pair is what makes an e-mail go out once, whatever the broker or Redis do.
 * `notified_events` remembers which events the rule table has already decided on, so that replaying
 * an event to rebuild a projection never decides again with today's contacts.
 */
export class CreateDeliveries1764400001000 implements MigrationInterface {
  name = 'CreateDeliveries1764400001000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE notified_events (
        event_id uuid PRIMARY KEY,
        event_type text NOT NULL,
        decided_at timestamptz NOT NULL,
        deliveries integer NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE deliveries (
        id uuid PRIMARY KEY,
        event_id uuid NOT NULL,
        event_type text NOT NULL,
        template text NOT NULL,
        recipient_email text NOT NULL,
        recipient_name text NULL,
        recipient_organisation_id uuid NULL,
        status text NOT NULL DEFAULT 'pending',
        subject text NOT NULL,
        text text NOT NULL,
        html text NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        last_smtp_reply text NULL,
        last_attempt_at timestamptz NULL,
        correlation_id text NULL,
        created_at timestamptz NOT NULL,
        sent_at timestamptz NULL,
        failed_at timestamptz NULL,
        CONSTRAINT deliveries_event_recipient UNIQUE (event_id, recipient_email),
        CONSTRAINT deliveries_status CHECK (status IN ('pending', 'sent', 'failed')),
        CONSTRAINT deliveries_sent_at CHECK ((status = 'sent') = (sent_at IS NOT NULL)),
        CONSTRAINT deliveries_failed_at CHECK ((status = 'failed') = (failed_at IS NOT NULL)),
        CONSTRAINT deliveries_recipient_email_lower CHECK (recipient_email = lower(recipient_email))
      )`);
    // The sweep walks pending deliveries oldest first; sent and failed ones stay out of that index.
    await runner.query(
      "CREATE INDEX deliveries_pending ON deliveries (created_at, id) WHERE status = 'pending'",
    );
    // The read API lists newest first, all of them or those of one organisation's contacts.
    await runner.query('CREATE INDEX deliveries_recent ON deliveries (created_at DESC, id DESC)');
    await runner.query(
      'CREATE INDEX deliveries_organisation ON deliveries (recipient_organisation_id, created_at DESC, id DESC)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE deliveries');
    await runner.query('DROP TABLE notified_events');
  }
}
