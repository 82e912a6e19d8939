import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deliveries carry their attachments as rendered (the .ics of a reminder) and count the retries a
 * person asked for a failed one (`POST /notifications/{id}/retry`), with the time of the last.
 */
export class AddDeliveryAttachmentsAndRetries1764400003000 implements MigrationInterface {
  name = 'AddDeliveryAttachmentsAndRetries1764400003000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE deliveries
        ADD COLUMN attachments jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN retries integer NOT NULL DEFAULT 0,
        ADD COLUMN retried_at timestamptz NULL,
        ADD CONSTRAINT deliveries_attachments CHECK (jsonb_typeof(attachments) = 'array'),
        ADD CONSTRAINT deliveries_retried_at CHECK ((retries = 0) = (retried_at IS NULL))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE deliveries
        DROP CONSTRAINT deliveries_retried_at,
        DROP CONSTRAINT deliveries_attachments,
        DROP COLUMN retried_at,
        DROP COLUMN retries,
        DROP COLUMN attachments`);
  }
}
