import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectEventually } from '@tripartite/testing';
import { reportDemoMeasurements } from '../../../scripts/demo-seed-indicators';
import { type StartedIndicators, startIndicators } from './support/indicators-app';
import { IndicatorsWorld } from './support/indicators-world';

// Issue 13, demo: "npm run demo:seed reports measurements on the demo CPOMs so Bretagne's dashboard shows every
// status". The seed talks HTTP to the gateway; here to the service itself, which serves the same paths.
describe('the demo values on Bretagne’s CPOMs', () => {
  let started: StartedIndicators;
  let world: IndicatorsWorld;
  let url: string;

  before(async () => {
    started = await startIndicators('indicators_demo');
    world = new IndicatorsWorld(started);
    await started.app.listen(0, '127.0.0.1');
    url = (await started.app.getUrl()).replace('[::1]', '127.0.0.1');
  });
  after(async () => {
    await started?.close();
  });

  it('reports values so that the region shows indicators on track, behind and without data, once', async () => {
    const cpomIds: string[] = [];
    for (let i = 0; i < 2; i++) {
      const parties = await world.service('53');
      cpomIds.push((await world.signCpom(parties)).contractId);
    }
    await expectEventually(async () => {
      for (const id of cpomIds) assert.equal(await world.cpomStatus(id), 'signed');
    });
    const headers = {
      authorization: `Bearer ${await world.token({ roles: ['admin'] })}`,
      'content-type': 'application/json',
    };
    const reported = await reportDemoMeasurements({ gateway: url, headers, cpomIds, today: '2026-12-07' });
    assert.ok(reported > 0);
    const { indicators } = await world.regional('53');
    assert.ok(indicators.onTrack > 0, JSON.stringify(indicators));
    assert.ok(indicators.behind > 0, JSON.stringify(indicators));
    assert.ok(indicators.noData > 0, JSON.stringify(indicators));

    // Safe to run twice: the periods already reported are left as they are.
    assert.equal(await reportDemoMeasurements({ gateway: url, headers, cpomIds, today: '2026-12-07' }), 0);
    assert.deepEqual((await world.regional('53')).indicators, indicators);
  });
});
