import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A delivery keeps the trace context of the event that decided it (ADR 0013), so that whoever queues its
 * send first — the work after the commit or a sweep that ran in between — continues that trace.
 */
export class AddDeliveryTraceContext1764400006000 implements MigrationInterface {
  name = 'AddDeliveryTraceContext1764400006000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE deliveries ADD COLUMN trace_context jsonb');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE deliveries DROP COLUMN trace_context');
  }
}
