import { Injectable } from '@nestjs/common';
import { addMonths } from '@tripartite/calendar';
import { DataSource } from 'typeorm';
import {
  addContributions,
  COUNTERS_GENERATION,
  DATED_GENERATION,
} from '../../projection/domain/cpom-contribution';
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

/** How many dates keep their regions' figures (each with the generations they were read at) in memory. */
const CACHED_DATES = 64;

/** Each region's generations: of its dated rows, and of its counters. */
const GENERATIONS = `
  SELECT region, key, sum(value)::float8 AS value FROM (
    SELECT region, key, value FROM ind_counters WHERE figure = 'generation'
    UNION ALL
    SELECT region, key, delta FROM ind_counter_moves WHERE figure = 'generation'
  ) g
  WHERE $1::text IS NULL OR region = $1
  GROUP BY region, key`;

/** What this process remembers of a region at a date, with the generations it was read at. */
interface RegionMemory {
  datedGeneration: number;
  dated: DatedFigures;
  countersGeneration: number;
  counters: Counters;
}

/**
 * The steering figures of one region, or of every region and their total, at a date (ADR 0019). Each region
 * keeps two generations, moved in the transaction of every projected fact: `generation:dated` when a dated row
 * changed, `generation:counters` when its counters moved. A request reads the generations (a few rows), then
 * sums again only what moved since this process last read it at that date: a region's dated rows (one indexed
 * query per region), its counters at the date (the totals less the days after it). A region without news answers
 * from memory, exactly as the rows stand.
 */
@Injectable()
export class SteeringFiguresQuery {
  private readonly memory = new Map<string, Map<string, RegionMemory>>();

  constructor(private readonly dataSource: DataSource) {}

  async region(region: string, at: string): Promise<SteeringFigures> {
    const figures = await this.regionsAt(at, region);
    const { dated, counters } = figures.get(region) ?? { dated: NO_DATED_FIGURES, counters: {} };
    return steeringFiguresOf(region, at, dated, counters);
  }

  async national(at: string): Promise<{ regions: SteeringFigures[]; total: SteeringFigures }> {
    const figures = await this.regionsAt(at, null);
    const regions = [...figures.keys()].sort();
    let totalDated = NO_DATED_FIGURES;
    let totalCounters: Counters = {};
    const byRegion = regions.map((region) => {
      const { dated, counters } = figures.get(region)!;
      totalDated = addDated(totalDated, dated);
      totalCounters = addContributions(totalCounters, counters);
      return steeringFiguresOf(region, at, dated, counters);
    });
    return { regions: byRegion, total: steeringFiguresOf('total', at, totalDated, totalCounters) };
  }

  /** One region's (or every region's) figures at `at`: from memory where their generations have not moved. */
  private async regionsAt(at: string, region: string | null): Promise<Map<string, RegionMemory>> {
    const generations = await this.generations(region);
    const remembered = this.memoryOf(at);
    const regions = [...generations.keys()];
    const generationOf = (code: string, key: string) => generations.get(code)?.[key] ?? 0;
    const staleDated = regions.filter(
      (code) => remembered.get(code)?.datedGeneration !== generationOf(code, DATED_GENERATION),
    );
    const staleCounters = regions.filter(
      (code) => remembered.get(code)?.countersGeneration !== generationOf(code, COUNTERS_GENERATION),
    );
    const counters = staleCounters.length > 0 ? await this.counters(staleCounters, at) : new Map();
    // One indexed pass per region that moved (a national pass costs more than all of them: it sorts every row).
    const dated = new Map<string, DatedFigures>();
    await Promise.all(
      staleDated.map(async (code) =>
        dated.set(code, (await this.sum(at, code)).get(code) ?? NO_DATED_FIGURES),
      ),
    );
    for (const code of regions) {
      const known = remembered.get(code);
      remembered.set(code, {
        datedGeneration: generationOf(code, DATED_GENERATION),
        dated: dated.get(code) ?? known?.dated ?? NO_DATED_FIGURES,
        countersGeneration: generationOf(code, COUNTERS_GENERATION),
        counters: staleCounters.includes(code) ? (counters.get(code) ?? {}) : (known?.counters ?? {}),
      });
    }
    return new Map(regions.map((code) => [code, remembered.get(code)!]));
  }

  private memoryOf(at: string): Map<string, RegionMemory> {
    let remembered = this.memory.get(at);
    if (!remembered) {
      if (this.memory.size >= CACHED_DATES) this.memory.delete(this.memory.keys().next().value as string);
      remembered = new Map();
      this.memory.set(at, remembered);
    }
    return remembered;
  }

  /** One region's pass of the dated figures' query (JIT off: its compilation costs more than the query). */
  private async sum(at: string, region: string): Promise<Map<string, DatedFigures>> {
    const rows: (DatedFigures & { region: string })[] = await this.dataSource.transaction(async (manager) => {
      await manager.query("SELECT set_config('jit', 'off', true), set_config('work_mem', '32MB', true)");
      return manager.query(DATED_FIGURES, [at, addMonths(at, 12), region]);
    });
    return new Map(rows.map(({ region: code, ...figures }) => [code, figures]));
  }

  private async generations(region: string | null): Promise<Map<string, Record<string, number>>> {
    const rows: { region: string; key: string; value: number }[] = await this.dataSource.query(GENERATIONS, [
      region,
    ]);
    const byRegion = new Map<string, Record<string, number>>();
    for (const row of rows) {
      byRegion.set(row.region, { ...byRegion.get(row.region), [`generation:${row.key}`]: Number(row.value) });
    }
    return byRegion;
  }

  /** The counters of the regions named as they stood at `at` (ADR 0019: every move is dated). */
  private async counters(
    regions: readonly string[],
    at: string,
  ): Promise<Map<string, Record<string, number>>> {
    const rows: { region: string; figure: string; key: string; value: string }[] =
      await this.dataSource.query(COUNTERS_AT, [regions, at]);
    const byRegion = new Map<string, Record<string, number>>();
    for (const row of rows) {
      const counters = byRegion.get(row.region) ?? {};
      counters[`${row.figure}:${row.key}`] = Number(row.value);
      byRegion.set(row.region, counters);
    }
    return byRegion;
  }
}
