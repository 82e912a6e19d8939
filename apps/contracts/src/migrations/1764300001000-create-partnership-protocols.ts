import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Caisse/SSTI partnership protocols (seed 000, programmes 2 and 6): one row per protocol with its parties, the
 * DIRECCTE told of it, its themes, its steps' dates and its progress points. The checks hold the order of
 * the steps the database can see.
 */
export class CreatePartnershipProtocols1764300001000 implements MigrationInterface {
  name = 'CreatePartnershipProtocols1764300001000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE partnership_protocols (
        id uuid PRIMARY KEY,
        service_id uuid NOT NULL,
        caisse_id uuid NOT NULL,
        direccte_id uuid NOT NULL,
        regions text[] NOT NULL,
        title text NOT NULL,
        themes text[] NOT NULL CHECK (cardinality(themes) >= 1),
        status text NOT NULL CHECK (status IN ('NEGOTIATION', 'CONCLUDED', 'ENDED')),
        opened_on date NOT NULL,
        concluded_on date NULL,
        starts_on date NULL,
        ends_on date NULL,
        ended_on date NULL,
        end_reason text NULL,
        progress_points jsonb NOT NULL DEFAULT '[]',
        version int NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CHECK (concluded_on IS NULL OR concluded_on >= opened_on),
        CHECK (starts_on IS NULL OR starts_on >= concluded_on),
        CHECK (ends_on IS NULL OR ends_on > starts_on),
        CHECK ((status = 'ENDED') = (ended_on IS NOT NULL))
      )`);
    await runner.query('CREATE INDEX partnership_protocols_service ON partnership_protocols (service_id)');
    await runner.query('CREATE INDEX partnership_protocols_caisse ON partnership_protocols (caisse_id)');
    await runner.query(
      'CREATE INDEX partnership_protocols_regions ON partnership_protocols USING gin (regions)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE partnership_protocols');
  }
}
