import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The W3C trace context of the command that wrote each event (ADR 0013), so the relay publishes it with
 * the event even when it runs later or in another replica. Nullable, no default: instant on a big outbox.
 */
export class AddOutboxTraceContext1764000000300 implements MigrationInterface {
  name = 'AddOutboxTraceContext1764000000300';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE outbox ADD COLUMN trace_context jsonb NULL');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE outbox DROP COLUMN trace_context');
  }
}
