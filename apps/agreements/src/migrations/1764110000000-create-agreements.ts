import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Agréments. The exclusion constraint is the last line of "at most one agrément in force per service at
 * any date" (D.4622-48 ff., issue 4): two periods of one service never overlap, whatever the code does.
 * btree_gist is a trusted extension (PostgreSQL 13+): the database owner may create it.
 */
export class CreateAgreements1764110000000 implements MigrationInterface {
  name = 'CreateAgreements1764110000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE EXTENSION IF NOT EXISTS btree_gist');
    await runner.query(`
      CREATE TABLE agreements (
        id uuid PRIMARY KEY,
        service_id uuid NOT NULL REFERENCES organisations (id),
        service_name text NOT NULL,
        regions text[] NOT NULL,
        employees_followed int,
        application text NOT NULL CHECK (application IN ('first', 'renewal')),
        filed_on date NOT NULL,
        decision_due_on date NOT NULL,
        previous_agreement_id uuid REFERENCES agreements (id),
        late_renewal boolean NOT NULL,
        status text NOT NULL CHECK (status IN ('requested', 'granted', 'refused', 'withdrawn', 'expired')),
        inspector_opinion jsonb,
        decision jsonb,
        conditional boolean NOT NULL,
        valid_from date,
        valid_until date,
        superseded_by uuid REFERENCES agreements (id),
        notices jsonb NOT NULL,
        sanction jsonb,
        member_information jsonb,
        version int NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT agreements_period CHECK (
          (valid_from IS NULL AND valid_until IS NULL) OR valid_until >= valid_from
        ),
        CONSTRAINT agreements_one_in_force EXCLUDE USING gist (
          service_id WITH =,
          daterange(valid_from, valid_until, '[]') WITH &&
        ) WHERE (valid_from IS NOT NULL)
      )`);
    // One application under examination per service at a time.
    await runner.query(
      "CREATE UNIQUE INDEX agreements_one_pending_application ON agreements (service_id) WHERE status = 'requested'",
    );
    await runner.query('CREATE INDEX agreements_regions ON agreements USING gin (regions)');
    await runner.query('CREATE INDEX agreements_service ON agreements (service_id, valid_from)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE agreements');
  }
}
