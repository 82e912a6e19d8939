import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A deadline remembers the version of the event it was planned with, so that when it fires years later, after
 * that event got a new version, its payload is upcast to the current one (ADR 0011). Every deadline event planned
 * before this column existed was at version 1.
 */
export class AddDeadlineEventVersion1764000001200 implements MigrationInterface {
  name = 'AddDeadlineEventVersion1764000001200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE deadlines ADD COLUMN event_version integer NOT NULL DEFAULT 1');
    await runner.query('ALTER TABLE deadlines ALTER COLUMN event_version DROP DEFAULT');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE deadlines DROP COLUMN event_version');
  }
}
