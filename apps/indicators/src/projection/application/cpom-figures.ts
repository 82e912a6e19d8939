import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { indicatorStatusOf } from '../../measurement/domain/indicator-status.rule';
import {
  addContributions,
  type Contribution,
  type CpomStatus,
  contributionOf,
  differenceOf,
} from '../domain/cpom-contribution';
import { SteeringCounters } from '../infrastructure/steering-counters';

interface IndicatorRow {
  indicator_id: string;
  kind: 'quantitative' | 'qualitative';
  baseline: string | null;
  target: string | null;
  direction: 'increase' | 'decrease' | 'maintain' | null;
  status: string;
  period_start: string | null;
  period_end: string | null;
  values: { period: string; numericValue: number | null; textValue: string | null }[];
}

/**
 * Keeps one CPOM's share of the steering figures true, in the transaction of the fact that changed it: the
 * status of its indicators (from their latest values) and its contribution to its region's counters.
 */
@Injectable()
export class CpomFigures {
  constructor(private readonly counters: SteeringCounters) {}

  /** Recomputes the status of the CPOM's indicators (all, or those named) from the values reported. */
  async refreshIndicators(
    manager: EntityManager,
    contractId: string,
    indicatorIds?: string[],
  ): Promise<void> {
    // One round trip: each indicator with its CPOM's period and the values reported on it.
    const indicators: IndicatorRow[] = await manager.query(
      `SELECT i.indicator_id, i.kind, i.baseline, i.target, i.direction, i.status,
              to_char(c.period_start, 'YYYY-MM-DD') AS period_start, to_char(c.period_end, 'YYYY-MM-DD') AS period_end,
              coalesce((SELECT json_agg(json_build_object('period', m.period, 'numericValue', m.numeric_value::float8,
                                                          'textValue', m.text_value))
                          FROM ind_measurements m
                         WHERE m.contract_id = i.contract_id AND m.indicator_id = i.indicator_id), '[]') AS values
         FROM ind_cpom_indicators i JOIN ind_cpoms c ON c.contract_id = i.contract_id
        WHERE i.contract_id = $1 AND ($2::uuid[] IS NULL OR i.indicator_id = ANY($2::uuid[]))`,
      [contractId, indicatorIds ?? null],
    );
    const changed: { id: string; status: string }[] = [];
    for (const indicator of indicators) {
      if (!indicator.period_start || !indicator.period_end) continue;
      const status = indicatorStatusOf(
        {
          kind: indicator.kind,
          baseline: numberOrNull(indicator.baseline),
          target: numberOrNull(indicator.target),
          direction: indicator.direction,
        },
        { start: indicator.period_start, end: indicator.period_end },
        indicator.values,
      );
      if (status !== indicator.status) changed.push({ id: indicator.indicator_id, status });
    }
    if (changed.length === 0) return;
    await manager.query(
      `UPDATE ind_cpom_indicators i SET status = c.status
         FROM unnest($2::uuid[], $3::text[]) AS c(id, status)
        WHERE i.contract_id = $1 AND i.indicator_id = c.id`,
      [contractId, changed.map((change) => change.id), changed.map((change) => change.status)],
    );
  }

  /**
   * Moves the region's counters by the difference between the CPOM's stored contribution and its present one,
   * plus `extra` (another figure the same fact moves), in one statement.
   */
  async recount(manager: EntityManager, contractId: string, extra: Contribution = {}): Promise<void> {
    const [cpom]: {
      region: string;
      status: CpomStatus;
      review_state: 'due' | 'overdue' | null;
      contribution: Contribution;
      themes: Record<string, number> | null;
      statuses: Record<string, number> | null;
    }[] = await manager.query(
      `SELECT region, status, review_state, contribution,
              (SELECT json_object_agg(theme, n) FROM (SELECT theme, count(*)::int AS n FROM ind_cpom_actions
                 WHERE contract_id = $1 GROUP BY theme) t) AS themes,
              (SELECT json_object_agg(status, n) FROM (SELECT status, count(*)::int AS n FROM ind_cpom_indicators
                 WHERE contract_id = $1 GROUP BY status) s) AS statuses
         FROM ind_cpoms WHERE contract_id = $1`,
      [contractId],
    );
    if (!cpom) return;
    const after = contributionOf({
      status: cpom.status,
      reviewState: cpom.review_state,
      actionsByTheme: cpom.themes ?? {},
      indicatorsByStatus: cpom.statuses ?? {},
    });
    const delta = differenceOf(cpom.contribution, after);
    await this.counters.add(manager, cpom.region, addContributions(delta, extra));
    if (Object.keys(delta).length > 0) {
      await manager.query('UPDATE ind_cpoms SET contribution = $2 WHERE contract_id = $1', [
        contractId,
        JSON.stringify(after),
      ]);
    }
  }
}

function numberOrNull(value: string | null): number | null {
  return value === null ? null : Number(value);
}
