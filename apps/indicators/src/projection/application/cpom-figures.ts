import { Injectable } from '@nestjs/common';
import { calendarDateAt } from '@tripartite/calendar';
import type { EntityManager } from 'typeorm';
import { indicatorStatusOf } from '../../measurement/domain/indicator-status.rule';
import {
  type ContributionStep,
  contributionStepsOf,
  type DatedMove,
  type KnownValue,
  movesBetween,
} from '../domain/contribution-steps';
import { type CpomHistory, type HistoryFacts, withFacts } from '../domain/cpom-history';
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
 * status of its indicators (from their latest values) and its contribution to its region's counters at every
 * date (ADR 0019).
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
   * Appends the facts of one event to the CPOM's dated history, computes its contribution's steps again (from
   * that history and the values known at each date) and moves its region's counters by the difference, each move
   * at its date, with `extra` (another figure the same fact moves); in the fact's transaction.
   */
  async recount(
    manager: EntityManager,
    contractId: string,
    facts: HistoryFacts = {},
    extra: readonly DatedMove[] = [],
  ): Promise<void> {
    const [cpom]: {
      region: string;
      history: CpomHistory;
      steps: ContributionStep[];
      values: StoredValue[];
    }[] = await manager.query(
      `SELECT region, history, contribution_steps AS steps,
              coalesce((SELECT json_agg(json_build_object(
                  'indicatorId', m.indicator_id, 'period', m.period, 'reportedAt', m.reported_at,
                  'numericValue', m.numeric_value::float8, 'textValue', m.text_value,
                  'corrections', (SELECT coalesce(json_agg(json_build_object(
                                     'before', k.before -> 'value', 'after', k.after -> 'value',
                                     'correctedAt', k.corrected_at) ORDER BY k.id), '[]')
                                    FROM ind_measurement_corrections k
                                   WHERE k.contract_id = m.contract_id AND k.indicator_id = m.indicator_id
                                     AND k.period = m.period)))
                 FROM ind_measurements m WHERE m.contract_id = $1), '[]') AS values
         FROM ind_cpoms WHERE contract_id = $1 FOR UPDATE`,
      [contractId],
    );
    if (!cpom) return;
    const history = withFacts(cpom.history, facts);
    const after = contributionStepsOf(history, cpom.values.flatMap(knownValuesOf));
    const moves = movesBetween(cpom.steps, after);
    await this.counters.add(manager, cpom.region, [...moves, ...extra]);
    if (Object.keys(facts).length > 0 || moves.length > 0) {
      await manager.query(
        'UPDATE ind_cpoms SET history = $2, contribution_steps = $3 WHERE contract_id = $1',
        [contractId, JSON.stringify(history), JSON.stringify(after)],
      );
    }
  }
}

/** A value reported on the CPOM with its corrections, as the recount reads them. */
interface StoredValue {
  indicatorId: string;
  period: string;
  reportedAt: string;
  numericValue: number | null;
  textValue: string | null;
  corrections: { before: number | string | null; after: number | string | null; correctedAt: string }[];
}

/** The versions of a value, each from the day it was reported or corrected (Paris). */
function knownValuesOf(value: StoredValue): KnownValue[] {
  const version = (reported: number | string | null, at: string): KnownValue => ({
    indicatorId: value.indicatorId,
    period: value.period,
    knownOn: calendarDateAt(new Date(at)),
    numericValue: typeof reported === 'number' ? reported : null,
    textValue: typeof reported === 'string' ? reported : null,
  });
  if (value.corrections.length === 0) {
    return [version(value.numericValue ?? value.textValue, value.reportedAt)];
  }
  return [
    version(value.corrections[0]!.before, value.reportedAt),
    ...value.corrections.map((correction) => version(correction.after, correction.correctedAt)),
  ];
}

function numberOrNull(value: string | null): number | null {
  return value === null ? null : Number(value);
}
