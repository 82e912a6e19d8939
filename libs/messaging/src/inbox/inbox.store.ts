import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** This service's record of applied events. */
@Injectable()
export class InboxStore {
  constructor(private readonly dataSource: DataSource) {}

  async has(eventId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM inbox WHERE event_id = $1', [eventId]);
    return rows.length > 0;
  }

  /**
   * Forgets the given event types, before a projection is rebuilt from a replay. Only for consumers
   * whose effects are projections (idempotent upserts), never for effects seen by people (e-mails).
   * With `manager`, in that transaction (the projections emptied in the same one).
   */
  async forget(types: readonly string[], manager?: EntityManager): Promise<number> {
    const result = await (manager ?? this.dataSource).query(
      'DELETE FROM inbox WHERE type = ANY($1::text[])',
      [types],
    );
    return (result as [unknown, number])[1] ?? 0;
  }
}
