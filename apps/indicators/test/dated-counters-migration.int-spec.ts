import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createServiceDataSource } from '@tripartite/persistence';
import { withPlatformTables } from '@tripartite/platform';
import { expectEventually, TEST_SERVER_URL } from '@tripartite/testing';
import { CreateIndicatorProjections1764500000000 } from '../src/migrations/1764500000000-create-indicator-projections';
import { type StartedIndicators, startIndicators } from './support/indicators-app';
import { IndicatorsWorld } from './support/indicators-world';

// Migration 1764500001000 (ADR 0019, issue 13): counters and CPOMs projected before the counters were dated
// count at every date, as they did, and the next fact about such a CPOM dates what it moves.
describe('dating the counters of a database projected before they were dated', () => {
  let started: StartedIndicators;
  let world: IndicatorsWorld;
  const contractId = randomUUID();
  const parties = { serviceId: randomUUID(), caisseId: randomUUID(), direccteId: randomUUID(), region: '53' };

  before(async () => {
    started = await startIndicators('indicators_migration', {
      prepare: async (database) => {
        const { migrations } = withPlatformTables({
          entities: [],
          migrations: [CreateIndicatorProjections1764500000000],
        });
        const previous = createServiceDataSource({
          serverUrl: TEST_SERVER_URL,
          database,
          entities: [],
          migrations: [...migrations],
        });
        await previous.initialize();
        await previous.runMigrations({ transaction: 'each' });
        // A signed CPOM, one TMS action, one indicator without value, as the earlier release projected it.
        await previous.query(
          `INSERT INTO ind_cpoms (contract_id, service_id, caisse_id, direccte_id, region, regions, status,
                                  period_start, period_end, signed_on, content_version, aggregate_version, contribution)
           VALUES ($1, $2, $3, $4, '53', '{53}', 'signed', '2025-01-01', '2029-12-31', '2025-01-01', 1, 5,
                   '{"cpoms_by_status:signed": 1, "actions_by_theme:tms": 1, "indicators:no_data": 1}')`,
          [contractId, parties.serviceId, parties.caisseId, parties.direccteId],
        );
        await previous.query(
          `INSERT INTO ind_cpom_actions VALUES ($1, $2, $3, 'Sensibiliser aux TMS', 'tms')`,
          [contractId, randomUUID(), randomUUID()],
        );
        await previous.query(
          `INSERT INTO ind_cpom_indicators (contract_id, indicator_id, action_id, position, name, kind, purpose,
                                            unit, baseline, target, direction, frequency)
           VALUES ($1, $2, $3, 0, 'Part des entreprises sensibilisées', 'quantitative', 'result', '%', 10, 50,
                   'increase', 'yearly')`,
          [contractId, randomUUID(), randomUUID()],
        );
        await previous.query(`
          INSERT INTO ind_counters (region, figure, key, value) VALUES
            ('53', 'cpoms_by_status', 'signed', 1), ('53', 'actions_by_theme', 'tms', 1),
            ('53', 'indicators', 'no_data', 1), ('53', 'generation', 'dated', 1)`);
        await previous.destroy();
      },
    });
    world = new IndicatorsWorld(started);
  });
  after(async () => {
    await started?.close();
  });

  it('counts what was projected before at every date, and dates the next fact’s moves', async () => {
    for (const at of ['2020-01-01', '2025-06-30']) {
      const figures = await world.regional('53', undefined, `?at=${at}`);
      assert.equal(figures.cpomsByStatus.signed, 1, at);
      assert.deepEqual(figures.indicators, { onTrack: 0, behind: 0, noData: 1 }, at);
    }

    // The contracts service publishes the CPOM's expiry: from 1 January 2030 it counts as expired.
    await started.contracts.publish(
      'contract.expired',
      { contractId, ...world.subject(parties), periodEnd: '2029-12-31' },
      { aggregateId: contractId, aggregateVersion: 9, region: '53' },
    );
    await expectEventually(async () => {
      const ended = await world.regional('53', undefined, '?at=2030-01-01');
      assert.equal(ended.cpomsByStatus.signed, 0);
      assert.equal(ended.cpomsByStatus.expired, 1);
      assert.deepEqual(ended.indicators, { onTrack: 0, behind: 0, noData: 0 });
    });
    const before = await world.regional('53', undefined, '?at=2029-12-31');
    assert.equal(before.cpomsByStatus.signed, 1, 'still signed on the last day of its period');
    assert.equal(before.cpomsByStatus.expired, 0);
    const [{ n }] = await started.dataSource.query('SELECT count(*)::int AS n FROM parked_messages');
    assert.equal(n, 0, 'nothing parked');
  });
});
