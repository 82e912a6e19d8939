import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AmqpEventTransport } from '@tripartite/messaging';
import { expectEventually } from '@tripartite/testing';
import { type StartedIndicators, startIndicators } from './support/indicators-app';
import { type CpomParties, IndicatorsWorld } from './support/indicators-world';

// Issue 13: a region's parties see their region, national roles everything; every dashboard exports as CSV
// for French spreadsheets; a rebuild by replay of every producer's log gives the same figures.
describe('dashboards: scope, exports and rebuild by replay', () => {
  let started: StartedIndicators;
  let world: IndicatorsWorld;
  let parties: CpomParties;
  let contractId: string;
  let signed: Awaited<ReturnType<IndicatorsWorld['signCpom']>>;

  before(async () => {
    started = await startIndicators('indicators_dashboards');
    world = new IndicatorsWorld(started);
    parties = await world.service('53', 15_000);
    const other = await world.service('52', 4_000);
    await world.grant(parties, { validFrom: '2024-01-01', validUntil: '2028-12-31' });
    await world.grant(other, { validFrom: '2024-01-01', validUntil: '2027-03-31', conditional: true });
    await world.protocol(parties, '2025-01-01');
    signed = await world.signCpom(parties);
    contractId = signed.contractId;
    await expectEventually(async () => assert.equal(await world.cpomStatus(contractId), 'signed'));
    const reporter = await world.token({ roles: ['sst'], region: '53', org: parties.serviceId });
    const reported = await world.request(
      'POST',
      `/api/v1/cpoms/${contractId}/indicators/${signed.content.indicators.coverage}/measurements`,
      reporter,
      { period: '2025', value: 12 },
    );
    assert.equal(reported.statusCode, 201, reported.body);
    await expectEventually(async () => {
      const national = (
        await world.request('GET', '/api/v1/dashboards/national', await world.national())
      ).json();
      assert.equal(national.total.agreements.agreedServices, 2);
      assert.equal(national.total.coverage.withPartnershipProtocol, 1);
    });
  });
  after(async () => {
    await started?.close();
  });

  it('shows a region to its parties and to national roles, and refuses other regions (scope by region)', async () => {
    const direccte = await world.token({ roles: ['direccte'], region: '53', org: parties.direccteId });
    const caisse = await world.token({ roles: ['caisse'], region: '53', org: parties.caisseId });
    const elsewhere = await world.token({ roles: ['direccte'], region: '11' });
    const url = '/api/v1/dashboards/regions/53';
    assert.equal((await world.request('GET', url, direccte)).statusCode, 200);
    assert.equal((await world.request('GET', url, caisse)).statusCode, 200);
    assert.equal((await world.request('GET', url, await world.national())).statusCode, 200);
    const denied = await world.request('GET', url, elsewhere);
    assert.equal(denied.statusCode, 403);
    assert.equal((await world.request('GET', `${url}/history`, elsewhere)).statusCode, 403);
    assert.equal((await world.request('GET', '/api/v1/dashboards/national', direccte)).statusCode, 403);
    assert.equal((await world.request('GET', '/api/v1/dashboards/national', null)).statusCode, 401);
    assert.equal((await world.request('GET', '/api/v1/dashboards/regions/99', direccte)).statusCode, 400);
  });

  it('shows each region and the total nationally, and a history by year', async () => {
    const national = (
      await world.request('GET', '/api/v1/dashboards/national?at=2026-12-01', await world.national())
    ).json();
    assert.deepEqual(
      national.regions.map((r: { region: string }) => r.region),
      ['52', '53'],
    );
    assert.equal(national.total.employeesFollowed.byAgreedServices, 19_000);
    assert.equal(national.total.agreements.conditional, 1);
    assert.equal(national.total.coverage.cpomShare, 0.5);
    const history = await world.request(
      'GET',
      '/api/v1/dashboards/regions/53/history?from=2023&to=2025',
      await world.national(),
    );
    assert.equal(history.statusCode, 200, history.body);
    assert.deepEqual(
      history
        .json()
        .years.map((y: { at: string; agreements: { agreedSsti: number } }) => [
          y.at,
          y.agreements.agreedSsti,
        ]),
      [
        ['2023-12-31', 0],
        ['2024-12-31', 1],
        ['2025-12-31', 1],
      ],
    );
    const inverted = await world.request(
      'GET',
      '/api/v1/dashboards/national/history?from=2026&to=2024',
      await world.national(),
    );
    assert.equal(inverted.statusCode, 400);
  });

  it('exports the national dashboard as CSV: French headers, ";" separator, UTF-8 with BOM', async () => {
    const csv = await world.request('GET', '/api/v1/dashboards/national?format=csv', await world.national());
    assert.equal(csv.statusCode, 200, csv.body);
    assert.match(String(csv.headers['content-type']), /^text\/csv; charset=utf-8/);
    assert.match(String(csv.headers['content-disposition']), /tableau-de-bord-national\.csv/);
    assert.deepEqual([...csv.rawPayload.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const [header, ...lines] = csv.rawPayload.toString('utf8').slice(1).trimEnd().split('\r\n');
    const columns = header!.split(';');
    assert.deepEqual(columns.slice(0, 4), ['Région', 'Date', 'Services agréés', 'SSTI agréés']);
    assert.ok(columns.includes('Objectif de couverture partenariale (%)'));
    assert.ok(columns.includes('Actions : Risque routier professionnel (programme national)'));
    assert.deepEqual(
      lines.map((line) => line.split(';')[0]),
      ['Pays de la Loire', 'Bretagne', 'France entière'],
    );
    const bretagne = lines[1]!.split(';');
    assert.equal(bretagne.length, columns.length);
    assert.equal(bretagne[columns.indexOf('Objectif de couverture partenariale (%)')], '50');
    assert.equal(bretagne[columns.indexOf('Part des SSTI agréés avec protocole de partenariat (%)')], '100');
    const regional = await world.request(
      'GET',
      '/api/v1/dashboards/regions/53?format=csv',
      await world.national(),
    );
    assert.equal(regional.statusCode, 200);
    assert.equal(regional.rawPayload.toString('utf8').slice(1).split('\r\n')[1]!.split(';')[0], 'Bretagne');
  });

  it('rebuilds the projections by replay from every producer, with identical figures (admin only)', async () => {
    const national = await world.national();
    // A review held, a value corrected and an amendment: the dated history has each of them to rebuild.
    await started.contracts.publish(
      'contract.review_completed',
      {
        contractId,
        serviceId: parties.serviceId,
        regions: ['53'],
        reviewedOn: '2025-12-10',
        summary: 'Revue tenue',
        nextReviewDueOn: '2026-12-10',
      },
      { aggregateId: contractId, aggregateVersion: 6, region: '53' },
    );
    const reporter = await world.token({ roles: ['sst'], region: '53', org: parties.serviceId });
    const corrected = await world.request(
      'PUT',
      `/api/v1/cpoms/${contractId}/indicators/${signed.content.indicators.coverage}/measurements/2025`,
      reporter,
      { value: 30 },
      { 'if-match': '"1"' },
    );
    assert.equal(corrected.statusCode, 200, corrected.body);
    const content = signed.content.payload;
    await started.contracts.publish(
      'contract.amended',
      {
        contractId,
        ...world.subject(parties),
        periodStart: '2025-01-01',
        periodEnd: '2029-12-31',
        amendmentNumber: 1,
        signedOn: '2026-03-01',
        summary: 'Avenant n° 1',
        ...content,
        contentVersion: 2,
        actions: [{ ...content.actions[0]!, theme: 'rps' }, content.actions[1]!],
      },
      { aggregateId: contractId, aggregateVersion: 7, region: '53' },
    );
    await expectEventually(async () => {
      const figures = (await world.request('GET', '/api/v1/dashboards/regions/53', national)).json();
      assert.equal(figures.actionsByTheme.find((t: { theme: string }) => t.theme === 'rps').actions, 1);
    });
    const nextYear = new Date().getFullYear() + 1;
    const snapshot = async () => ({
      dashboard: (await world.request('GET', '/api/v1/dashboards/national?at=2026-12-01', national)).json(),
      today: (await world.request('GET', '/api/v1/dashboards/national', national)).json(),
      history: (
        await world.request('GET', `/api/v1/dashboards/national/history?from=2024&to=${nextYear}`, national)
      ).json(),
      indicators: (await world.request('GET', `/api/v1/cpoms/${contractId}/indicators`, national)).json(),
    });
    const beforeRebuild = await snapshot();
    assert.equal(beforeRebuild.indicators.indicators[0].values.length, 1);
    const themesAt = (year: { total: { actionsByTheme: { theme: string; actions: number }[] } }) =>
      Object.fromEntries(year.total.actionsByTheme.map((t) => [t.theme, t.actions]));
    const [, y2025, y2026] = beforeRebuild.history.years;
    assert.deepEqual([themesAt(y2025).tms, themesAt(y2025).rps], [1, 0], 'before the amendment');
    assert.deepEqual(
      [themesAt(y2026).tms, themesAt(y2026).rps],
      [0, 1],
      'after the amendment of 1 March 2026',
    );
    assert.equal(y2025.total.reviews.heldInYear, 1);
    // The history is dated: signed on 1 January 2025, the CPOM counts from then (identical after the rebuild).
    assert.deepEqual(
      beforeRebuild.history.years
        .slice(0, 2)
        .map((year: { total: { cpomsByStatus: { signed: number } } }) => year.total.cpomsByStatus.signed),
      [0, 1],
    );

    const refused = await world.request('POST', '/api/v1/admin/indicators/rebuild', national);
    assert.equal(refused.statusCode, 403);

    const applied = started.app.get(AmqpEventTransport).outcomes.applied;
    const rebuild = await world.request(
      'POST',
      '/api/v1/admin/indicators/rebuild',
      await world.token({ roles: ['admin'] }),
    );
    assert.equal(rebuild.statusCode, 202, rebuild.body);
    assert.equal(
      rebuild.json().forgotten,
      8,
      'two services, two agréments, a protocol, a CPOM signed, reviewed and amended',
    );
    assert.ok(rebuild.json().types.includes('contract.signed'));

    // Every forgotten event comes back from its producer's log and is applied again.
    await expectEventually(
      () =>
        assert.equal(
          started.app.get(AmqpEventTransport).outcomes.applied - applied,
          rebuild.json().forgotten,
        ),
      { timeoutMs: 20_000 },
    );
    assert.deepEqual(await snapshot(), beforeRebuild);
  });
});
