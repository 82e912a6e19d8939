import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The steering counters get their business dates (ADR 0019, issue 13: `?at=` and the history by year move every
 * figure, not only the per-entity ones):
 * - each move of `ind_counter_moves` is dated (`on_date`) by the business date of the fact it counts;
 * - the fold keeps, beside each counter's total, its sum per day (`ind_counter_days`), so a figure at a date is
 *   the total less the days after it;
 * - each CPOM keeps its dated history (`history`) and its contribution as steps over the dates
 *   (`contribution_steps`), which replace its single contribution.
 * Counters folded before this migration have no day: they count at every date, as they did; a CPOM projected
 * before it gets a history of its present state dated 0001-01-01 (the same meaning). A rebuild dates everything.
 */
export class DateTheSteeringCounters1764500001000 implements MigrationInterface {
  name = 'DateTheSteeringCounters1764500001000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query("ALTER TABLE ind_counter_moves ADD COLUMN on_date date NOT NULL DEFAULT '0001-01-01'");
    await runner.query('ALTER TABLE ind_counter_moves ALTER COLUMN on_date DROP DEFAULT');
    await runner.query(`
      CREATE TABLE ind_counter_days (
        on_date date NOT NULL,
        region text NOT NULL,
        figure text NOT NULL,
        key text NOT NULL,
        value bigint NOT NULL,
        PRIMARY KEY (on_date, region, figure, key)
      )`);
    await runner.query(`
      ALTER TABLE ind_cpoms
        ADD COLUMN history jsonb NOT NULL DEFAULT '{"statuses": [], "contents": [], "reviews": []}',
        ADD COLUMN contribution_steps jsonb NOT NULL DEFAULT '[]'`);
    await runner.query(`
      UPDATE ind_cpoms c SET
        contribution_steps = CASE WHEN contribution = '{}'::jsonb THEN '[]'::jsonb
          ELSE jsonb_build_array(jsonb_build_object('on', '0001-01-01', 'contribution', contribution)) END,
        history = jsonb_build_object(
          'statuses', jsonb_build_array(jsonb_build_object('on', '0001-01-01', 'status', status)),
          'contents', CASE WHEN content_version = 0 OR period_start IS NULL THEN '[]'::jsonb
            ELSE jsonb_build_array(jsonb_build_object(
              'on', '0001-01-01',
              'version', content_version,
              'period', jsonb_build_object('start', period_start, 'end', period_end),
              'themes', coalesce((SELECT jsonb_object_agg(theme, n) FROM (
                  SELECT theme, count(*) AS n FROM ind_cpom_actions a WHERE a.contract_id = c.contract_id
                   GROUP BY theme) t), '{}'::jsonb),
              'indicators', coalesce((SELECT jsonb_agg(jsonb_build_object(
                  'indicatorId', i.indicator_id, 'kind', i.kind, 'baseline', i.baseline, 'target', i.target,
                  'direction', i.direction) ORDER BY i.position)
                FROM ind_cpom_indicators i WHERE i.contract_id = c.contract_id), '[]'::jsonb))) END,
          'reviews', CASE WHEN review_state IS NULL THEN '[]'::jsonb
            ELSE jsonb_build_array(jsonb_build_object('on', '0001-01-01', 'state', review_state)) END)`);
    await runner.query('ALTER TABLE ind_cpoms DROP COLUMN contribution');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query("ALTER TABLE ind_cpoms ADD COLUMN contribution jsonb NOT NULL DEFAULT '{}'");
    await runner.query(`
      UPDATE ind_cpoms SET contribution = coalesce(contribution_steps -> -1 -> 'contribution', '{}'::jsonb)`);
    await runner.query('ALTER TABLE ind_cpoms DROP COLUMN history, DROP COLUMN contribution_steps');
    await runner.query('DROP TABLE ind_counter_days');
    await runner.query('ALTER TABLE ind_counter_moves DROP COLUMN on_date');
  }
}
