import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One consultation per body of the plan and per submitted CPOM version (L.4622-10): its answer deadline,
 * session (with the recused members, D.4622-44), opinion, or closing without opinion.
 */
export class CreateConsultations1764430000000 implements MigrationInterface {
  name = 'CreateConsultations1764430000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE consultations (
        id uuid PRIMARY KEY,
        contract_id uuid NOT NULL,
        contract_version int NOT NULL,
        service_id uuid NOT NULL,
        caisse_id uuid NOT NULL,
        direccte_id uuid NOT NULL,
        regions text[] NOT NULL,
        plan_id uuid NOT NULL REFERENCES consultation_plans (id),
        step text NOT NULL CHECK (step IN ('opinion', 'adoption')),
        body_id uuid NOT NULL REFERENCES bodies (id),
        body_kind text NOT NULL,
        body_name text NOT NULL,
        consulted_organisation_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'delivered', 'closed')),
        requested_on date NOT NULL,
        answer_due_on date NOT NULL,
        session jsonb NULL,
        opinion jsonb NULL,
        closed_on date NULL,
        close_reason text NULL,
        version int NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    // One open or answered consultation per body and CPOM version; a version withdrawn then submitted again
    // opens new ones beside those closed.
    await runner.query(
      "CREATE UNIQUE INDEX consultations_one_per_body ON consultations (contract_id, contract_version, body_id) WHERE status <> 'closed'",
    );
    await runner.query(
      'CREATE INDEX consultations_contract ON consultations (contract_id, contract_version)',
    );
    await runner.query('CREATE INDEX consultations_status ON consultations (status, answer_due_on)');
    await runner.query('CREATE INDEX consultations_consulted ON consultations (consulted_organisation_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE consultations');
  }
}
