import { Injectable } from '@nestjs/common';
import { addMonths } from '@tripartite/calendar';
import { DataSource } from 'typeorm';
import { addContributions, DATED_GENERATION } from '../../projection/domain/cpom-contribution';
import { COUNTERS_AT } from '../../projection/infrastructure/steering-counters';
import {
  addDated,
  type Counters,
  type DatedFigures,
  NO_DATED_FIGURES,
  type SteeringFigures,
  steeringFiguresOf,
} from '../domain/steering-figures';

/**
 * The date-bound figures, summed per region from the per-entity rows (ADR 0019): services with an agrément in
 * force at the date (conditional, ending within 12 months), approved service projects in force, CPOMs in force,
 * employees followed, and the SSTi covered by a CPOM and by a partnership protocol with their own Caisse.
 */
const DATED_FIGURES = `
  WITH ag AS (
    SELECT DISTINCT ON (service_id) service_id, conditional, valid_until
      FROM ind_agreements
     WHERE valid_from <= $1 AND valid_until >= $1 AND status IN ('granted', 'expired', 'withdrawn')
       AND region = $3
     ORDER BY service_id, valid_until DESC
  ), cp AS (
    SELECT DISTINCT service_id FROM ind_cpoms
     WHERE signed_on IS NOT NULL AND signed_on <= $1 AND period_start <= $1 AND period_end >= $1
       AND region = $3
  ), sp AS (
    SELECT service_id, count(*)::int AS n FROM ind_service_projects
     WHERE approved_on <= $1 AND period_end >= $1 AND NOT withdrawn AND region = $3
     GROUP BY service_id
  )
  SELECT s.region,
    count(ag.service_id)::int AS "agreedServices",
    count(ag.service_id) FILTER (WHERE s.type IS DISTINCT FROM 'SSTA')::int AS "agreedSsti",
    count(ag.service_id) FILTER (WHERE ag.conditional)::int AS "conditional",
    count(ag.service_id) FILTER (WHERE ag.valid_until < $2::date)::int AS "expiringWithin12Months",
    coalesce(sum(sp.n), 0)::int AS "serviceProjectsApproved",
    count(cp.service_id)::int AS "cpomsInForce",
    coalesce(sum(s.employees_followed) FILTER (WHERE ag.service_id IS NOT NULL), 0)::float8 AS "employeesAgreed",
    coalesce(sum(s.employees_followed) FILTER (WHERE cp.service_id IS NOT NULL), 0)::float8 AS "employeesWithCpom",
    count(*) FILTER (WHERE ag.service_id IS NOT NULL AND s.type IS DISTINCT FROM 'SSTA' AND cp.service_id IS NOT NULL)::int AS "sstiWithCpom",
    count(*) FILTER (
      WHERE ag.service_id IS NOT NULL AND s.type IS DISTINCT FROM 'SSTA' AND EXISTS (
        SELECT 1 FROM ind_protocols p
         WHERE p.service_id = s.service_id AND p.caisse_id = s.caisse_id
           AND p.concluded_on <= $1 AND p.starts_on <= $1
           AND (p.ends_on IS NULL OR p.ends_on >= $1) AND (p.ended_on IS NULL OR p.ended_on > $1))
    )::int AS "sstiWithProtocol"
  FROM ind_services s
  LEFT JOIN ag ON ag.service_id = s.service_id
  LEFT JOIN cp ON cp.service_id = s.service_id
  LEFT JOIN sp ON sp.service_id = s.service_id
  WHERE s.region = $3
  GROUP BY s.region`;

/** How many dates keep their regions' dated figures (each with the generation it was summed at) in memory. */
const CACHED_DATES = 64;

/**
 * The steering figures of one region, or of every region and their total, at a date. The counters at that date
 * are read on every request (their totals less the days after it: a few hundred rows for today); the dated figures of a region are summed again only when its generation
 * moved (every projected fact that changes a dated row adds one to `generation:dated` of its region, in its
 * transaction): a region without news answers from this process's memory, exactly as the rows stand (ADR 0019).
 */
@Injectable()
export class SteeringFiguresQuery {
  private readonly cache = new Map<string, Map<string, { generation: number; figures: DatedFigures }>>();

  constructor(private readonly dataSource: DataSource) {}

  async region(region: string, at: string): Promise<SteeringFigures> {
    const counters = await this.counters(region, at);
    const dated = await this.dated(at, [region], counters);
    return steeringFiguresOf(region, at, dated.get(region) ?? NO_DATED_FIGURES, counters.get(region) ?? {});
  }

  async national(at: string): Promise<{ regions: SteeringFigures[]; total: SteeringFigures }> {
    const counters = await this.counters(null, at);
    const dated = await this.dated(at, [...counters.keys()], counters);
    const regions = [...new Set([...dated.keys(), ...counters.keys()])].sort();
    let totalDated = NO_DATED_FIGURES;
    let totalCounters: Counters = {};
    const figures = regions.map((region) => {
      const regionDated = dated.get(region) ?? NO_DATED_FIGURES;
      const regionCounters = counters.get(region) ?? {};
      totalDated = addDated(totalDated, regionDated);
      totalCounters = addContributions(totalCounters, regionCounters);
      return steeringFiguresOf(region, at, regionDated, regionCounters);
    });
    return { regions: figures, total: steeringFiguresOf('total', at, totalDated, totalCounters) };
  }

  /** The dated figures of the regions named at `at`: from memory when their generation has not moved. */
  private async dated(
    at: string,
    regions: readonly string[],
    counters: Map<string, Record<string, number>>,
  ): Promise<Map<string, DatedFigures>> {
    const cached = this.cacheOf(at);
    const generationOf = (region: string) => counters.get(region)?.[DATED_GENERATION] ?? 0;
    const stale = regions.filter((region) => cached.get(region)?.generation !== generationOf(region));
    if (stale.length > 0) {
      // One indexed pass per region that moved (a national pass costs more than all of them: it sorts every row).
      const fresh = await this.sumRegions(at, stale);
      for (const region of stale) {
        cached.set(region, {
          generation: generationOf(region),
          figures: fresh.get(region) ?? NO_DATED_FIGURES,
        });
      }
    }
    return new Map(regions.map((region) => [region, cached.get(region)?.figures ?? NO_DATED_FIGURES]));
  }

  private cacheOf(at: string): Map<string, { generation: number; figures: DatedFigures }> {
    let cached = this.cache.get(at);
    if (!cached) {
      if (this.cache.size >= CACHED_DATES) this.cache.delete(this.cache.keys().next().value as string);
      cached = new Map();
      this.cache.set(at, cached);
    }
    return cached;
  }

  private async sumRegions(at: string, regions: readonly string[]): Promise<Map<string, DatedFigures>> {
    const sums = new Map<string, DatedFigures>();
    for (const region of regions) {
      for (const [code, figures] of await this.sum(at, region)) sums.set(code, figures);
    }
    return sums;
  }

  /** One region's pass of the dated figures' query (JIT off: its compilation costs more than the query). */
  private async sum(at: string, region: string): Promise<Map<string, DatedFigures>> {
    const rows: (DatedFigures & { region: string })[] = await this.dataSource.transaction(async (manager) => {
      await manager.query("SELECT set_config('jit', 'off', true), set_config('work_mem', '32MB', true)");
      return manager.query(DATED_FIGURES, [at, addMonths(at, 12), region]);
    });
    return new Map(rows.map(({ region: code, ...figures }) => [code, figures]));
  }

  /** The counters of one region (or all) as they stood at `at` (ADR 0019: every move is dated). */
  private async counters(region: string | null, at: string): Promise<Map<string, Record<string, number>>> {
    const rows: { region: string; figure: string; key: string; value: string }[] =
      await this.dataSource.query(COUNTERS_AT, [region, at]);
    const byRegion = new Map<string, Record<string, number>>();
    for (const row of rows) {
      const counters = byRegion.get(row.region) ?? {};
      counters[`${row.figure}:${row.key}`] = Number(row.value);
      byRegion.set(row.region, counters);
    }
    return byRegion;
  }
}
