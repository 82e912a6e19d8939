import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Contribution } from '../domain/cpom-contribution';

/** How often the moves are folded into the counters (ms). */
export const COUNTER_FOLD_MS = Symbol('COUNTER_FOLD_MS');

/** The counters as a reader sees them: folded values plus the moves not folded yet, in one snapshot. */
export const CURRENT_COUNTERS = `
  SELECT region, figure, key, sum(value)::float8 AS value FROM (
    SELECT region, figure, key, value FROM ind_counters
    UNION ALL
    SELECT region, figure, key, delta FROM ind_counter_moves
  ) c
  WHERE $1::text IS NULL OR region = $1
  GROUP BY region, figure, key`;

/**
 * The per-region counters of the steering figures (ADR 0019). A fact moves them in its own transaction by
 * appending its moves (`ind_counter_moves`): no shared row is locked, so concurrent consumers neither wait for
 * nor deadlock on a region's counters. Every second one process (advisory lock) folds the committed moves into
 * `ind_counters`, in one transaction; readers sum both in one statement, so they never see a move twice or not at all.
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

  async add(manager: EntityManager, region: string, delta: Contribution): Promise<void> {
    const entries = Object.entries(delta).filter(([, amount]) => amount !== 0);
    if (entries.length === 0) return;
    await manager.query(
      `INSERT INTO ind_counter_moves (region, figure, key, delta)
       SELECT $1, f, k, v FROM unnest($2::text[], $3::text[], $4::bigint[]) AS t(f, k, v)`,
      [
        region,
        entries.map(([key]) => key.slice(0, key.indexOf(':'))),
        entries.map(([key]) => key.slice(key.indexOf(':') + 1)),
        entries.map(([, amount]) => amount),
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
        WITH moved AS (DELETE FROM ind_counter_moves RETURNING region, figure, key, delta),
        folded AS (
          INSERT INTO ind_counters (region, figure, key, value)
          SELECT region, figure, key, sum(delta) FROM moved GROUP BY region, figure, key
          ON CONFLICT (region, figure, key) DO UPDATE SET value = ind_counters.value + EXCLUDED.value
          RETURNING 1)
        SELECT (SELECT count(*) FROM moved)::int AS folded`);
      return folded as number;
    });
  }
}
