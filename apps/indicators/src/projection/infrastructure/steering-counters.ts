import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Contribution } from '../domain/cpom-contribution';

/**
 * The per-region counters of the steering figures (`ind_counters`), moved in the transaction of the fact
 * that changes them (a consumed event, a reported value): the dashboards read them, never recount.
 */
@Injectable()
export class SteeringCounters {
  async add(manager: EntityManager, region: string, delta: Contribution): Promise<void> {
    const entries = Object.entries(delta).filter(([, amount]) => amount !== 0);
    if (entries.length === 0) return;
    const figures = entries.map(([key]) => key.slice(0, key.indexOf(':')));
    const keys = entries.map(([key]) => key.slice(key.indexOf(':') + 1));
    await manager.query(
      `INSERT INTO ind_counters (region, figure, key, value)
       SELECT $1, f, k, v FROM unnest($2::text[], $3::text[], $4::bigint[]) AS t(f, k, v)
       ON CONFLICT (region, figure, key) DO UPDATE SET value = ind_counters.value + EXCLUDED.value`,
      [region, figures, keys, entries.map(([, amount]) => amount)],
    );
  }
}
