import { Injectable } from '@nestjs/common';
import { AmqpEventTransport, InboxStore, ReplayRequester } from '@tripartite/messaging';
import { ChangeRecorder } from '@tripartite/platform';
import { DataSource } from 'typeorm';

/**
 * The projected tables: emptied by a rebuild, refilled by the replay. The values reported on indicators
 * (`ind_measurements`, their corrections) are this service's own facts and stay: each indicator's status is
 * computed again from them when its CPOM's signature comes back. The counters are emptied too, but for the
 * regions' generations, which go on growing (the dashboards' memory of dated figures is keyed by them).
 */
export const PROJECTED_TABLES = [
  'ind_services',
  'ind_agreements',
  'ind_service_projects',
  'ind_protocols',
  'ind_cpoms',
  'ind_cpom_actions',
  'ind_cpom_indicators',
  'ind_reviews_held',
] as const;

export interface RebuildReport {
  requestId: string;
  queue: string;
  types: string[];
  forgotten: number;
}

/**
 * Rebuilds this service's projections from scratch (ADR 0019): in one transaction, empties them and forgets
 * the consumed types in the inbox (else the replay would rightly be taken for duplicates), audited; then asks
 * every producer to replay its retained log of those types to this service's queue alone. Also how the service
 * catches up when deployed after the others.
 */
@Injectable()
export class RebuildProjectionsHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transport: AmqpEventTransport,
    private readonly requester: ReplayRequester,
    private readonly inbox: InboxStore,
    private readonly recorder: ChangeRecorder,
  ) {}

  async execute(): Promise<RebuildReport> {
    const types = [...this.transport.consumedTypes];
    const queue = this.transport.queues.main;
    const forgotten = await this.dataSource.transaction(async (manager) => {
      await manager.query(`TRUNCATE ${PROJECTED_TABLES.join(', ')}`);
      await manager.query("DELETE FROM ind_counters WHERE figure <> 'generation'");
      await manager.query("DELETE FROM ind_counter_moves WHERE figure <> 'generation'");
      await manager.query("DELETE FROM ind_counter_days WHERE figure <> 'generation'");
      await manager.query("UPDATE ind_counters SET value = value + 1 WHERE figure = 'generation'");
      const count = await this.inbox.forget(types, manager);
      await this.recorder.record(
        manager,
        { type: 'indicator_projections', id: 'all', version: 1, region: null },
        {
          action: 'indicator_projections.rebuild',
          versionBefore: null,
          summary: `Projections emptied and ${count} inbox entries forgotten; replay asked of every producer`,
          auditPayload: { types, queue, forgotten: count },
        },
      );
      return count;
    });
    const request = await this.requester.request({ queue, types });
    return { requestId: request.requestId, queue, types, forgotten };
  }
}
