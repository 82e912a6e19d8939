import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectEventually } from '@tripartite/testing';
import { type StartedIndicators, startIndicators } from './support/indicators-app';
import { type CpomParties, IndicatorsWorld, type Json } from './support/indicators-world';

// Issue 13, seed 002 II.4: each action's indicators "qualitatifs et quantitatifs, simples, pragmatiques et
// partagés", reported by the service, read by the three parties, examined at least yearly.
describe('values reported on a CPOM’s indicators', () => {
  let started: StartedIndicators;
  let world: IndicatorsWorld;
  let parties: CpomParties;
  let contractId: string;
  let ids: { coverage: string; accidents: string; assessment: string };
  let reporter: string;

  before(async () => {
    started = await startIndicators('indicators_measurements');
    world = new IndicatorsWorld(started);
    parties = await world.service('53');
    const signed = await world.signCpom(parties);
    contractId = signed.contractId;
    ids = signed.content.indicators;
    reporter = await world.token({ roles: ['sst'], region: '53', org: parties.serviceId, sub: 'directrice' });
    await expectEventually(async () => assert.equal(await world.cpomStatus(contractId), 'signed'));
  });
  after(async () => {
    await started?.close();
  });

  const url = (indicatorId: string) => `/api/v1/cpoms/${contractId}/indicators/${indicatorId}/measurements`;
  const valuesCount = async () =>
    (await started.dataSource.query('SELECT count(*)::int AS n FROM ind_measurements'))[0].n as number;

  it('records a value per indicator and period, and lists indicators with progress and status', async () => {
    const created = await world.request('POST', url(ids.coverage), reporter, {
      period: '2025',
      value: 30,
      comment: 'Campagne menée',
    });
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(created.json().version, 1);
    assert.equal(created.headers.etag, '"1"');
    assert.equal(created.json().reportedBy, 'directrice');

    const half = await world.request('POST', url(ids.accidents), reporter, { period: '2025-H2', value: 95 });
    assert.equal(half.statusCode, 201, half.body);

    const list = await world.request('GET', `/api/v1/cpoms/${contractId}/indicators`, reporter);
    assert.equal(list.statusCode, 200, list.body);
    const byId = Object.fromEntries(list.json().indicators.map((i: Json) => [i.indicatorId, i]));
    // 2025 is a fifth of 2025–2029: expected 10 + 0.2 × 40 = 18; 30 is ahead (on track).
    assert.equal(byId[ids.coverage].status, 'on_track');
    assert.equal(byId[ids.coverage].progress, 0.5);
    assert.deepEqual(
      byId[ids.coverage].values.map((v: Json) => [v.period, v.value]),
      [['2025', 30]],
    );
    // A fifth of the way from 100 down to 60 is 92; 95 is behind.
    assert.equal(byId[ids.accidents].status, 'behind');
    assert.equal(byId[ids.assessment].status, 'no_data');
    assert.equal(byId[ids.coverage].baseline, 10);
    assert.equal(byId[ids.coverage].target, 50);
  });

  it('corrects a value with If-Match and keeps who, when, before and after', async () => {
    await world.request('POST', url(ids.assessment), reporter, { period: '2025', value: 'Bonne adhésion' });
    const without = await world.request('PUT', `${url(ids.assessment)}/2025`, reporter, {
      value: 'Très bonne',
    });
    assert.equal(without.statusCode, 428);
    const stale = await world.request(
      'PUT',
      `${url(ids.assessment)}/2025`,
      reporter,
      { value: 'Très bonne' },
      {
        'if-match': '"7"',
      },
    );
    assert.equal(stale.statusCode, 412);
    const corrected = await world.request(
      'PUT',
      `${url(ids.assessment)}/2025`,
      reporter,
      { value: 'Très bonne adhésion', comment: 'Après enquête' },
      { 'if-match': '"1"' },
    );
    assert.equal(corrected.statusCode, 200, corrected.body);
    assert.equal(corrected.json().version, 2);
    const read = await world.request('GET', `${url(ids.assessment)}/2025`, reporter);
    assert.equal(read.statusCode, 200, read.body);
    assert.equal(read.json().value, 'Très bonne adhésion');
    assert.deepEqual(
      read.json().corrections.map((c: Json) => [c.before.value, c.after.value, c.correctedBy]),
      [['Bonne adhésion', 'Très bonne adhésion', 'directrice']],
    );
  });

  it('refuses a second value for the same period: one value per indicator and period (règle de la plateforme)', async () => {
    const before = await valuesCount();
    const again = await world.request('POST', url(ids.coverage), reporter, { period: '2025', value: 31 });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().code, 'INDICATOR.ALREADY_REPORTED');
    assert.equal(await valuesCount(), before);
  });

  it('refuses a period outside the CPOM’s period, or of the wrong frequency, naming field and rule (D.4622-47)', async () => {
    const before = await valuesCount();
    const outside = await world.request('POST', url(ids.coverage), reporter, { period: '2031', value: 40 });
    assert.equal(outside.statusCode, 422);
    assert.equal(outside.json().code, 'INDICATOR.PERIOD_OUTSIDE_CPOM');
    assert.equal(outside.json().errors[0].field, 'period');
    assert.match(outside.json().errors[0].rule, /D\.4622-47/);
    const frequency = await world.request('POST', url(ids.accidents), reporter, {
      period: '2026',
      value: 80,
    });
    assert.equal(frequency.statusCode, 422);
    assert.equal(frequency.json().code, 'INDICATOR.PERIOD_FREQUENCY');
    const garbage = await world.request('POST', url(ids.coverage), reporter, { period: '2026-Q1', value: 1 });
    assert.equal(garbage.statusCode, 422);
    assert.equal(garbage.json().code, 'INDICATOR.PERIOD_INVALID');
    assert.equal(await valuesCount(), before);
  });

  it('refuses a value of the wrong kind: a number for a quantitative indicator, a text for a qualitative one (seed 002 II.4)', async () => {
    const before = await valuesCount();
    const text = await world.request('POST', url(ids.coverage), reporter, {
      period: '2026',
      value: 'beaucoup',
    });
    assert.equal(text.statusCode, 422);
    assert.equal(text.json().code, 'INDICATOR.VALUE_KIND');
    assert.equal(text.json().errors[0].field, 'value');
    const number = await world.request('POST', url(ids.assessment), reporter, { period: '2026', value: 3 });
    assert.equal(number.statusCode, 422);
    assert.equal(number.json().code, 'INDICATOR.VALUE_KIND');
    assert.equal(await valuesCount(), before);
  });

  it('refuses an unknown indicator and a CPOM not signed', async () => {
    const before = await valuesCount();
    const unknown = await world.request('POST', url(crypto.randomUUID()), reporter, {
      period: '2026',
      value: 1,
    });
    assert.equal(unknown.statusCode, 404);
    assert.equal(unknown.json().code, 'INDICATOR.NOT_FOUND');
    const draftId = await world.draftCpom(parties);
    await expectEventually(async () => assert.equal(await world.cpomStatus(draftId), 'draft'));
    const draft = await world.request(
      'POST',
      `/api/v1/cpoms/${draftId}/indicators/${ids.coverage}/measurements`,
      reporter,
      { period: '2026', value: 1 },
    );
    assert.equal(draft.statusCode, 409);
    assert.equal(draft.json().code, 'INDICATOR.CPOM_NOT_SIGNED');
    assert.equal(await valuesCount(), before);
  });

  it('lets the Caisse and the DIRECCTE read but not report; denies other services and regions', async () => {
    const caisse = await world.token({ roles: ['caisse'], region: '53', org: parties.caisseId });
    const direccte = await world.token({ roles: ['direccte'], region: '53', org: parties.direccteId });
    const otherService = await world.token({ roles: ['sst'], region: '53', org: crypto.randomUUID() });
    const otherDireccte = await world.token({ roles: ['direccte'], region: '11', org: crypto.randomUUID() });
    const list = `/api/v1/cpoms/${contractId}/indicators`;
    assert.equal((await world.request('GET', list, caisse)).statusCode, 200);
    assert.equal((await world.request('GET', list, direccte)).statusCode, 200);
    assert.equal((await world.request('GET', list, await world.national())).statusCode, 200);
    assert.equal((await world.request('GET', list, otherService)).statusCode, 403);
    assert.equal((await world.request('GET', list, otherDireccte)).statusCode, 403);
    const before = await valuesCount();
    const byCaisse = await world.request('POST', url(ids.coverage), caisse, { period: '2026', value: 40 });
    assert.equal(byCaisse.statusCode, 403, 'roles: the service reports');
    const byOther = await world.request('POST', url(ids.coverage), otherService, {
      period: '2026',
      value: 40,
    });
    assert.equal(byOther.statusCode, 403);
    assert.equal(await valuesCount(), before);
  });

  it('exports the indicator list as CSV: French headers, ";" separator, UTF-8 with BOM', async () => {
    const csv = await world.request('GET', `/api/v1/cpoms/${contractId}/indicators?format=csv`, reporter);
    assert.equal(csv.statusCode, 200, csv.body);
    assert.match(String(csv.headers['content-type']), /^text\/csv; charset=utf-8/);
    assert.deepEqual([...csv.rawPayload.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
    const lines = csv.rawPayload.toString('utf8').slice(1).split('\r\n');
    assert.equal(
      lines[0],
      'Action;Thème;Indicateur;Nature;Unité;Valeur de référence;Cible;Période;Valeur;Commentaire;Avancement (%);Statut',
    );
    assert.ok(
      lines.includes(
        'Sensibiliser aux TMS;tms;Part des entreprises sensibilisées;quantitatif;%;10;50;2025;30;Campagne menée;50;Dans la trajectoire',
      ),
      lines.join('\n'),
    );
  });

  it('moves the region’s indicator counters when a value changes a status', async () => {
    const figures = await world.regional('53');
    assert.deepEqual(figures.indicators, { onTrack: 2, behind: 1, noData: 0 });
  });

  it('takes values reported at the same moment on one CPOM: each answered, each counted once', async () => {
    const otherParties = await world.service('53');
    const other = await world.signCpom(otherParties);
    await expectEventually(async () => assert.equal(await world.cpomStatus(other.contractId), 'signed'));
    const token = await world.token({ roles: ['sst'], region: '53', org: otherParties.serviceId });
    const { coverage, accidents, assessment } = other.content.indicators;
    const reports: [string, string, number | string][] = [
      [coverage, '2025', 20],
      [coverage, '2026', 30],
      [accidents, '2025-H1', 95],
      [accidents, '2025-H2', 90],
      [assessment, '2025', 'Bonne dynamique'],
      [assessment, '2026', 'À confirmer'],
    ];
    const answers = await Promise.all(
      reports.map(([indicatorId, period, value]) =>
        world.request(
          'POST',
          `/api/v1/cpoms/${other.contractId}/indicators/${indicatorId}/measurements`,
          token,
          {
            period,
            value,
          },
        ),
      ),
    );
    assert.deepEqual(
      answers.map((answer) => answer.statusCode),
      reports.map(() => 201),
      answers.map((answer) => answer.body).join('\n'),
    );
    const [{ steps }] = await started.dataSource.query(
      'SELECT contribution_steps AS steps FROM ind_cpoms WHERE contract_id = $1',
      [other.contractId],
    );
    assert.deepEqual(
      Object.entries(steps.at(-1).contribution)
        .filter(([key]) => key.startsWith('indicators:'))
        .sort(),
      [['indicators:on_track', 3]],
      'coverage 30 in 2026 ahead of 26, accidents 90 in 2025-H2 at the expected 92 or below, assessment written',
    );
  });
});
