import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each row the relay marks sent leaves a dead entry in the `outbox_pending` partial index until vacuum,
 * and the relay's scan walks them: measured at +1 ms per 10,000 sent rows (bench/README.md). The default
 * autovacuum threshold (20 % of a table kept for 90 days) would let that grow for days; vacuum the
 * outbox every thousand changes instead. Cheap: sent rows become all-visible and are skipped.
 */
export class TuneOutboxAutovacuum1764000000100 implements MigrationInterface {
  name = 'TuneOutboxAutovacuum1764000000100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'ALTER TABLE outbox SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000, autovacuum_vacuum_cost_delay = 0)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      'ALTER TABLE outbox RESET (autovacuum_vacuum_scale_factor, autovacuum_vacuum_threshold, autovacuum_vacuum_cost_delay)',
    );
  }
}
