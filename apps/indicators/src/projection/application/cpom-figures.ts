import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { indicatorStatusOf } from '../../measurement/domain/indicator-status.rule';
import {
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
    const [cpom]: { period_start: string | null; period_end: string | null }[] = await manager.query(
      `SELECT to_char(period_start, 'YYYY-MM-DD') AS period_start, to_char(period_end, 'YYYY-MM-DD') AS period_end
         FROM ind_cpoms WHERE contract_id = $1`,
      [contractId],
    );
    if (!cpom?.period_start || !cpom.period_end) return;
    const indicators: IndicatorRow[] = await manager.query(
      `SELECT indicator_id, kind, baseline, target, direction, status FROM ind_cpom_indicators
        WHERE contract_id = $1 AND ($2::uuid[] IS NULL OR indicator_id = ANY($2::uuid[]))`,
      [contractId, indicatorIds ?? null],
    );
    if (indicators.length === 0) return;
    const values: {
      indicator_id: string;
      period: string;
      numeric_value: string | null;
      text_value: string | null;
    }[] = await manager.query(
      `SELECT indicator_id, period, numeric_value, text_value FROM ind_measurements
          WHERE contract_id = $1 AND indicator_id = ANY($2::uuid[])`,
      [contractId, indicators.map((indicator) => indicator.indicator_id)],
    );
    const period = { start: cpom.period_start, end: cpom.period_end };
    const changed: { id: string; status: string }[] = [];
    for (const indicator of indicators) {
      const status = indicatorStatusOf(
        {
          kind: indicator.kind,
          baseline: numberOrNull(indicator.baseline),
          target: numberOrNull(indicator.target),
          direction: indicator.direction,
        },
        period,
        values
          .filter((value) => value.indicator_id === indicator.indicator_id)
          .map((value) => ({
            period: value.period,
            numericValue: numberOrNull(value.numeric_value),
            textValue: value.text_value,
          })),
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

  /** Moves the region's counters by the difference between the CPOM's stored contribution and its present one. */
  async recount(manager: EntityManager, contractId: string): Promise<void> {
    const [cpom]: {
      region: string;
      status: CpomStatus;
      review_state: 'due' | 'overdue' | null;
      contribution: Contribution;
    }[] = await manager.query(
      'SELECT region, status, review_state, contribution FROM ind_cpoms WHERE contract_id = $1',
      [contractId],
    );
    if (!cpom) return;
    const themes: { theme: string; n: number }[] = await manager.query(
      'SELECT theme, count(*)::int AS n FROM ind_cpom_actions WHERE contract_id = $1 GROUP BY theme',
      [contractId],
    );
    const statuses: { status: string; n: number }[] = await manager.query(
      'SELECT status, count(*)::int AS n FROM ind_cpom_indicators WHERE contract_id = $1 GROUP BY status',
      [contractId],
    );
    const after = contributionOf({
      status: cpom.status,
      reviewState: cpom.review_state,
      actionsByTheme: Object.fromEntries(themes.map((row) => [row.theme, row.n])),
      indicatorsByStatus: Object.fromEntries(statuses.map((row) => [row.status, row.n])),
    });
    await this.counters.add(manager, cpom.region, differenceOf(cpom.contribution, after));
    await manager.query('UPDATE ind_cpoms SET contribution = $2 WHERE contract_id = $1', [
      contractId,
      JSON.stringify(after),
    ]);
  }
}

function numberOrNull(value: string | null): number | null {
  return value === null ? null : Number(value);
}
