import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the indicators service projects from the other services' events (never their databases), and the
 * steering counters kept in the same transaction as each event (ADR 0019):
 * - small per-entity rows with their dates (indexed by region, covering what the dashboards read: index-only scans) (services, agréments, service projects, partnership protocols,
 *   CPOMs), which the dashboards sum with indexed queries at any date;
 * - the CPOMs' contents (actions, indicators), each indicator's status as of its latest value;
 * - `ind_counters`: per region, figures that depend on the CPOMs' contents and states (CPOMs by status, actions
 *   by theme, indicators by status, reviews due/overdue/held), moved by each fact in its own transaction (as an
 *   appended row of `ind_counter_moves`, folded into the counters every second).
 */
export class CreateIndicatorProjections1764500000000 implements MigrationInterface {
  name = 'CreateIndicatorProjections1764500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE ind_services (
        service_id uuid PRIMARY KEY,
        type text,
        name text NOT NULL,
        region text NOT NULL,
        regions text[] NOT NULL,
        caisse_id uuid,
        employees_followed int NOT NULL DEFAULT 0,
        directory_version int NOT NULL DEFAULT -1
      )`);
    await runner.query(
      'CREATE INDEX ind_services_region ON ind_services (region) INCLUDE (service_id, type, caisse_id, employees_followed)',
    );
    await runner.query(`
      CREATE TABLE ind_agreements (
        agreement_id uuid PRIMARY KEY,
        service_id uuid NOT NULL,
        region text NOT NULL,
        status text NOT NULL,
        valid_from date,
        valid_until date,
        conditional boolean NOT NULL DEFAULT false,
        aggregate_version int NOT NULL
      )`);
    await runner.query(
      'CREATE INDEX ind_agreements_by_region ON ind_agreements (region, service_id, valid_until) INCLUDE (valid_from, conditional, status) WHERE valid_from IS NOT NULL',
    );
    await runner.query(`
      CREATE TABLE ind_service_projects (
        project_id uuid PRIMARY KEY,
        service_id uuid NOT NULL,
        region text NOT NULL,
        approved_on date,
        period_end date NOT NULL,
        withdrawn boolean NOT NULL DEFAULT false,
        aggregate_version int NOT NULL
      )`);
    await runner.query(
      'CREATE INDEX ind_service_projects_by_region ON ind_service_projects (region, service_id) INCLUDE (approved_on, period_end, withdrawn) WHERE approved_on IS NOT NULL',
    );
    await runner.query(`
      CREATE TABLE ind_protocols (
        protocol_id uuid PRIMARY KEY,
        service_id uuid NOT NULL,
        caisse_id uuid NOT NULL,
        region text NOT NULL,
        concluded_on date,
        starts_on date,
        ends_on date,
        ended_on date,
        aggregate_version int NOT NULL
      )`);
    await runner.query(
      'CREATE INDEX ind_protocols_by_service ON ind_protocols (service_id, caisse_id) INCLUDE (concluded_on, starts_on, ends_on, ended_on)',
    );
    await runner.query(`
      CREATE TABLE ind_cpoms (
        contract_id uuid PRIMARY KEY,
        service_id uuid NOT NULL,
        caisse_id uuid NOT NULL,
        direccte_id uuid NOT NULL,
        region text NOT NULL,
        regions text[] NOT NULL,
        status text NOT NULL,
        period_start date,
        period_end date,
        signed_on date,
        content_version int NOT NULL DEFAULT 0,
        priorities jsonb NOT NULL DEFAULT '[]',
        review_state text,
        review_due_on date,
        aggregate_version int NOT NULL,
        contribution jsonb NOT NULL DEFAULT '{}'
      )`);
    await runner.query(
      'CREATE INDEX ind_cpoms_signed_by_region ON ind_cpoms (region, service_id) INCLUDE (signed_on, period_start, period_end) WHERE signed_on IS NOT NULL',
    );
    await runner.query(`
      CREATE TABLE ind_cpom_actions (
        contract_id uuid NOT NULL,
        action_id uuid NOT NULL,
        priority_id uuid NOT NULL,
        title text NOT NULL,
        theme text NOT NULL,
        PRIMARY KEY (contract_id, action_id)
      )`);
    await runner.query(`
      CREATE TABLE ind_cpom_indicators (
        contract_id uuid NOT NULL,
        indicator_id uuid NOT NULL,
        action_id uuid NOT NULL,
        position int NOT NULL,
        name text NOT NULL,
        kind text NOT NULL,
        purpose text NOT NULL,
        unit text,
        baseline numeric,
        target numeric,
        direction text,
        frequency text NOT NULL,
        status text NOT NULL DEFAULT 'no_data',
        PRIMARY KEY (contract_id, indicator_id)
      )`);
    await runner.query(`
      CREATE TABLE ind_measurements (
        contract_id uuid NOT NULL,
        indicator_id uuid NOT NULL,
        period text NOT NULL,
        numeric_value numeric,
        text_value text,
        comment text,
        reported_by text NOT NULL,
        reporting_organisation uuid,
        reported_at timestamptz NOT NULL,
        version int NOT NULL,
        PRIMARY KEY (contract_id, indicator_id, period)
      )`);
    await runner.query(`
      CREATE TABLE ind_measurement_corrections (
        id bigserial PRIMARY KEY,
        contract_id uuid NOT NULL,
        indicator_id uuid NOT NULL,
        period text NOT NULL,
        version_before int NOT NULL,
        before jsonb NOT NULL,
        after jsonb NOT NULL,
        corrected_by text NOT NULL,
        corrected_at timestamptz NOT NULL
      )`);
    await runner.query(
      'CREATE INDEX ind_measurement_corrections_of ON ind_measurement_corrections (contract_id, indicator_id, period)',
    );
    await runner.query(`
      CREATE TABLE ind_reviews_held (
        contract_id uuid NOT NULL,
        reviewed_on date NOT NULL,
        PRIMARY KEY (contract_id, reviewed_on)
      )`);
    await runner.query(`
      CREATE TABLE ind_counters (
        region text NOT NULL,
        figure text NOT NULL,
        key text NOT NULL,
        value bigint NOT NULL,
        PRIMARY KEY (region, figure, key)
      )`);
    // The moves of the counters, appended by each fact without locking a shared row; folded into ind_counters
    // every second by one process (ADR 0019). A reader sums both in one statement.
    await runner.query(`
      CREATE TABLE ind_counter_moves (
        id bigserial PRIMARY KEY,
        region text NOT NULL,
        figure text NOT NULL,
        key text NOT NULL,
        delta bigint NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'ind_counter_moves',
      'ind_counters',
      'ind_reviews_held',
      'ind_measurement_corrections',
      'ind_measurements',
      'ind_cpom_indicators',
      'ind_cpom_actions',
      'ind_cpoms',
      'ind_protocols',
      'ind_service_projects',
      'ind_agreements',
      'ind_services',
    ]) {
      await runner.query(`DROP TABLE ${table}`);
    }
  }
}
