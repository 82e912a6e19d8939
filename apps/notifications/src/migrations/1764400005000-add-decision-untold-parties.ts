import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A decision on an event keeps the parties of its rule that reached nobody, and why (an SSTA has no
 * Caisse to tell, the service's competent Caisse is not known yet…): the answer to "why did nobody of
 * this organisation receive this e-mail".
 */
export class AddDecisionUntoldParties1764400005000 implements MigrationInterface {
  name = 'AddDecisionUntoldParties1764400005000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE notified_events
        ADD COLUMN untold jsonb NOT NULL DEFAULT '[]',
        ADD CONSTRAINT notified_events_untold CHECK (jsonb_typeof(untold) = 'array')`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      'ALTER TABLE notified_events DROP CONSTRAINT notified_events_untold, DROP COLUMN untold',
    );
  }
}
