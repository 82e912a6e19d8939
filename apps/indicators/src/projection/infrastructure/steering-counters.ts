import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type DatedMove, EVERY_DATE } from '../domain/contribution-steps';
import { COUNTERS_GENERATION } from '../domain/cpom-contribution';

/** How often the moves are folded into the counters (ms). */
export const COUNTER_FOLD_MS = Symbol('COUNTER_FOLD_MS');

/**
 * The counters of the regions named (`$1`) at a date (`$2`), as a reader sees them: the folded totals less the days folded after that date,
 * plus the moves dated on or before it that are not folded yet, in one snapshot; figures at zero left out.
 */
export const COUNTERS_AT = `
  SELECT region, figure, key, sum(value)::float8 AS value FROM (
    SELECT region, figure, key, value FROM ind_counters WHERE region = ANY($1::text[])
    UNION ALL
    SELECT region, figure, key, -value FROM ind_counter_days WHERE on_date > $2::date AND region = ANY($1::text[])
    UNION ALL
    SELECT region, figure, key, delta FROM ind_counter_moves WHERE on_date <= $2::date AND region = ANY($1::text[])
  ) c
  GROUP BY region, figure, key
  HAVING sum(value) <> 0`;

/**
 * The per-region counters of the steering figures (ADR 0019). A fact moves them in its own transaction by
 * appending its moves (`ind_counter_moves`): no shared row is locked, so concurrent consumers neither wait for
 * nor deadlock on a region's counters. Each move is dated by the business date of its fact, so the counters
 * can be read at any date. Every second one process (advisory lock) folds the committed moves into the totals
 * (`ind_counters`) and the sums per day (`ind_counter_days`), in one transaction; readers sum them with the
 * moves not folded yet in one statement, so they never see a move twice or not at all.
 */
@Injectable()
export class SteeringCounters implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SteeringCounters.name);
  private timer: NodeJS.Timeout | undefined;
  private folding: Promise<void> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(COUNTER_FOLD_MS) private readonly foldMs: number,
  ) {}

  /** Appends the moves of one fact, each at its business date. */
  async add(manager: EntityManager, region: string, moves: readonly DatedMove[]): Promise<void> {
    const rows = moves.flatMap(({ on, delta }) =>
      Object.entries(delta)
        .filter(([, amount]) => amount !== 0)
        .map(([key, amount]) => ({ on, key, amount })),
    );
    if (rows.length === 0) return;
    // Counters that moved tell the dashboards to read the region's counters again.
    if (rows.some(({ key }) => !key.startsWith('generation:'))) {
      rows.push({ on: EVERY_DATE, key: COUNTERS_GENERATION, amount: 1 });
    }
    await manager.query(
      `INSERT INTO ind_counter_moves (region, figure, key, on_date, delta)
       SELECT $1, f, k, d, v FROM unnest($2::text[], $3::text[], $4::date[], $5::bigint[]) AS t(f, k, d, v)`,
      [
        region,
        rows.map(({ key }) => key.slice(0, key.indexOf(':'))),
        rows.map(({ key }) => key.slice(key.indexOf(':') + 1)),
        rows.map(({ on }) => on),
        rows.map(({ amount }) => amount),
      ],
    );
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.folding ??= this.fold()
        .then(() => undefined)
        .catch((error: Error) => this.logger.warn(`Folding the counters' moves failed: ${error.message}`))
        .finally(() => {
          this.folding = undefined;
        });
    }, this.foldMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.folding;
  }

  /** Folds the committed moves into the counters; answers how many moves were folded. */
  async fold(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query(
        "SELECT pg_try_advisory_xact_lock(hashtext('tripartite.indicators.counters')) AS locked",
      );
      if (!locked) return 0;
      const [{ folded }] = await manager.query(`
        WITH moved AS (DELETE FROM ind_counter_moves RETURNING region, figure, key, on_date, delta),
        totals AS (
          INSERT INTO ind_counters (region, figure, key, value)
          SELECT region, figure, key, sum(delta) FROM moved GROUP BY region, figure, key
          ON CONFLICT (region, figure, key) DO UPDATE SET value = ind_counters.value + EXCLUDED.value
          RETURNING 1),
        days AS (
          INSERT INTO ind_counter_days (on_date, region, figure, key, value)
          SELECT on_date, region, figure, key, sum(delta) FROM moved
           WHERE on_date > '${EVERY_DATE}' GROUP BY on_date, region, figure, key
          ON CONFLICT (on_date, region, figure, key) DO UPDATE SET value = ind_counter_days.value + EXCLUDED.value
          RETURNING 1)
        SELECT (SELECT count(*) FROM moved)::int AS folded`);
      return folded as number;
    });
  }
}
