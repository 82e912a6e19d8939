import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { addDays, type CalendarDate, calendarDateAt } from '@tripartite/calendar';
import { Clock } from '@tripartite/clock';
import type { PlatformConfig } from '@tripartite/config';
import { testToken } from '@tripartite/testing';
import type { DataSource } from 'typeorm';
import { RegionalDiagnosisReader } from '../src/regional-diagnosis/application/regional-diagnosis.reader';
import { startContracts } from './support/contracts-app';
import { fieldsAndRules, refusedWithoutTrace } from './support/refusals';

type Method = 'GET' | 'POST';

const DREETS_53 = randomUUID();
const CARSAT_53 = randomUUID();

describe('regional shared diagnoses over HTTP (seed 002, part II.4: "en chapeau de tous les CPOM d’une même région")', () => {
  let app: NestFastifyApplication;
  let config: PlatformConfig;
  let dataSource: DataSource;
  let close: () => Promise<void>;
  let today: CalendarDate;

  before(async () => {
    ({ app, config, dataSource, close } = await startContracts('contracts_regional_diagnoses'));
    today = calendarDateAt(app.get(Clock).now());
  });
  after(() => close?.());

  const call = async (
    method: Method,
    url: string,
    token?: string,
    body?: object,
    headers: Record<string, string> = {},
  ) =>
    app.inject({
      method,
      url,
      payload: body,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    });

  const direccte = (region = '53', org = DREETS_53) =>
    testToken(config, { roles: ['direccte'], region, org });
  const caisse = (region = '53', org = CARSAT_53) => testToken(config, { roles: ['caisse'], region, org });
  const admin = () => testToken(config, { roles: ['admin'] });
  const national = () => testToken(config, { roles: ['national'] });

  function aDiagnosis(region: string, overrides: Record<string, unknown> = {}) {
    return {
      region,
      title: 'Diagnostic régional partagé santé au travail',
      summary: 'Sinistralité élevée dans l’agroalimentaire et le BTP ; vieillissement des salariés.',
      sources: ['PRST 4', 'Statistiques AT-MP 2024 de la CARSAT'],
      diagnosedOn: today,
      ...overrides,
    };
  }

  /** Records a region's diagnosis as its DIRECCTE; answers the reply (201 asserted). */
  async function recorded(region: string, overrides: Record<string, unknown> = {}) {
    const response = await call(
      'POST',
      '/api/v1/regional-diagnoses',
      await direccte(region, randomUUID()),
      aDiagnosis(region, overrides),
    );
    assert.equal(response.statusCode, 201, response.body);
    return response;
  }

  async function counts() {
    const [row] = await dataSource.query(
      `SELECT (SELECT count(*) FROM regional_diagnoses)::int AS diagnoses,
              (SELECT count(*) FROM regional_diagnosis_versions)::int AS versions,
              (SELECT count(*) FROM audit_log)::int AS audit,
              (SELECT count(*) FROM outbox)::int AS outbox`,
    );
    return row;
  }

  const refused = (request: () => ReturnType<typeof call>) => refusedWithoutTrace(counts, request);

  it('records the region’s diagnosis as version 1 (DIRECCTE of the region), with its ETag, an audit entry and no event', async () => {
    const response = await call('POST', '/api/v1/regional-diagnoses', await direccte('53'), aDiagnosis('53'));
    assert.equal(response.statusCode, 201, response.body);
    const body = response.json();
    assert.equal(body.region, '53');
    assert.equal(body.latest.diagnosisVersion, 1);
    assert.equal(body.latest.recordedBy, DREETS_53);
    assert.deepEqual(body.latest.sources, ['PRST 4', 'Statistiques AT-MP 2024 de la CARSAT']);
    assert.equal(response.headers.etag, '"1"');

    const read = await call('GET', `/api/v1/regional-diagnoses/${body.id}`, await direccte('53'));
    assert.equal(read.statusCode, 200);
    assert.equal(read.json().latest.title, 'Diagnostic régional partagé santé au travail');
    const history = await call('GET', `/api/v1/regional-diagnoses/${body.id}/history`, await admin());
    assert.deepEqual(
      history.json().items.map((i: { action: string }) => i.action),
      ['regional_diagnosis.record'],
    );
    const events = await dataSource.query('SELECT type FROM outbox WHERE aggregate_id = $1', [body.id]);
    assert.deepEqual(events, [], 'no other service consumes the diagnosis (ADR 0020)');
  });

  it('takes a new version from the Caisse of the region with If-Match; every version stays readable', async () => {
    const first = (
      await recorded('52', { title: 'Diagnostic 2025', diagnosedOn: addDays(today, -30) })
    ).json();
    const revised = await call(
      'POST',
      `/api/v1/regional-diagnoses/${first.id}/versions`,
      await caisse('52', CARSAT_53),
      {
        title: 'Diagnostic 2026',
        summary: 'Mise à jour après le bilan du PRST.',
        sources: ['PRST 4'],
        diagnosedOn: today,
      },
      { 'if-match': '"1"' },
    );
    assert.equal(revised.statusCode, 201, revised.body);
    assert.equal(revised.json().latest.diagnosisVersion, 2);
    assert.equal(revised.json().latest.recordedBy, CARSAT_53);
    assert.equal(revised.headers.etag, '"2"');
    assert.deepEqual(
      revised
        .json()
        .versions.map((v: { diagnosisVersion: number; title: string }) => [v.diagnosisVersion, v.title]),
      [
        [1, 'Diagnostic 2025'],
        [2, 'Diagnostic 2026'],
      ],
    );
    const one = await call('GET', `/api/v1/regional-diagnoses/${first.id}/versions/1`, await national());
    assert.equal(one.statusCode, 200);
    assert.equal(one.json().title, 'Diagnostic 2025');
    assert.equal(one.json().summary, first.latest.summary);
    const two = await call('GET', `/api/v1/regional-diagnoses/${first.id}/versions/2`, await national());
    assert.equal(two.json().title, 'Diagnostic 2026');
    const three = await call('GET', `/api/v1/regional-diagnoses/${first.id}/versions/3`, await national());
    assert.equal(three.statusCode, 404);
    assert.equal(three.json().code, 'REGIONAL_DIAGNOSIS.VERSION_NOT_FOUND');

    const reader = app.get(RegionalDiagnosisReader);
    assert.equal((await reader.latestOf('52'))?.title, 'Diagnostic 2026');
    assert.equal((await reader.version(first.id, 1))?.title, 'Diagnostic 2025');
    assert.equal(await reader.latestOf('11'), null);
  });

  it('refuses a second diagnosis for a region (409 naming region): one "en chapeau" per region (seed 002 II.4)', async () => {
    const first = (await recorded('24')).json();
    const second = await refused(async () =>
      call('POST', '/api/v1/regional-diagnoses', await admin(), aDiagnosis('24', { title: 'Un autre' })),
    );
    assert.equal(second.statusCode, 409);
    assert.equal(second.json().code, 'REGIONAL_DIAGNOSIS.ALREADY_EXISTS');
    assert.equal(second.json().field, 'region');
    assert.match(second.json().rule, /seed 002, part II\.4/);
    assert.equal(second.json().existingId, first.id);
  });

  it('requires If-Match on a new version (428 without, 412 when stale), and writes nothing then', async () => {
    const { id } = (await recorded('27')).json();
    const body = { title: 'Nouveau', summary: 'Texte', sources: ['PRST'], diagnosedOn: today };
    const url = `/api/v1/regional-diagnoses/${id}/versions`;
    const missing = await refused(async () => call('POST', url, await admin(), body));
    assert.equal(missing.statusCode, 428);
    assert.equal(missing.json().code, 'REQUEST.PRECONDITION_REQUIRED');
    const stale = await refused(async () => call('POST', url, await admin(), body, { 'if-match': '"7"' }));
    assert.equal(stale.statusCode, 412);
    assert.equal(stale.json().code, 'REQUEST.PRECONDITION_FAILED');
  });

  it('refuses bad input naming each field: shape (400), a date after today or before the previous version (422)', async () => {
    const shape = await refused(async () =>
      call('POST', '/api/v1/regional-diagnoses', await admin(), {
        ...aDiagnosis('99'),
        title: '',
        sources: [],
        diagnosedOn: '2026-02-30',
        colour: 'bleu',
      }),
    );
    assert.equal(shape.statusCode, 400);
    assert.equal(shape.json().code, 'REQUEST.INVALID');
    assert.deepEqual(
      fieldsAndRules(shape)
        .map(([field]) => field)
        .sort(),
      ['colour', 'diagnosedOn', 'region', 'sources', 'title'],
    );

    const future = await refused(async () =>
      call(
        'POST',
        '/api/v1/regional-diagnoses',
        await admin(),
        aDiagnosis('28', { diagnosedOn: addDays(today, 1) }),
      ),
    );
    assert.equal(future.statusCode, 422);
    assert.equal(future.json().code, 'REGIONAL_DIAGNOSIS.INVALID');
    assert.deepEqual(fieldsAndRules(future), [['diagnosedOn', 'not-in-future (règle de la plateforme)']]);

    const twice = await refused(async () =>
      call(
        'POST',
        '/api/v1/regional-diagnoses',
        await admin(),
        aDiagnosis('28', { sources: ['PRST', 'prst'] }),
      ),
    );
    assert.deepEqual(fieldsAndRules(twice), [['sources[1]', 'named-once (règle de la plateforme)']]);

    const { id } = (await recorded('32')).json();
    const earlier = await refused(async () =>
      call(
        'POST',
        `/api/v1/regional-diagnoses/${id}/versions`,
        await admin(),
        { title: 'Plus ancien', summary: 'Texte', sources: ['PRST'], diagnosedOn: addDays(today, -1) },
        { 'if-match': '"1"' },
      ),
    );
    assert.equal(earlier.statusCode, 422);
    assert.deepEqual(fieldsAndRules(earlier), [
      ['diagnosedOn', 'not-before-previous-version (règle de la plateforme)'],
    ]);
  });

  it('lets only the DIRECCTE or the Caisse of the region (or an admin) write: other roles and regions are denied', async () => {
    const serviceToken = await testToken(config, { roles: ['sst'], region: '44', org: randomUUID() });
    const bySst = await refused(async () =>
      call('POST', '/api/v1/regional-diagnoses', serviceToken, aDiagnosis('44')),
    );
    assert.equal(bySst.statusCode, 403);
    assert.equal(bySst.json().code, 'AUTH.FORBIDDEN_ROLE');
    const byArs = await refused(async () =>
      call(
        'POST',
        '/api/v1/regional-diagnoses',
        await testToken(config, { roles: ['ars'], region: '44' }),
        aDiagnosis('44'),
      ),
    );
    assert.equal(byArs.statusCode, 403);
    const byNational = await refused(async () =>
      call('POST', '/api/v1/regional-diagnoses', await national(), aDiagnosis('44')),
    );
    assert.equal(byNational.statusCode, 403, 'national roles steer, they do not write a region’s diagnosis');
    const byOtherRegion = await refused(async () =>
      call('POST', '/api/v1/regional-diagnoses', await direccte('53'), aDiagnosis('44')),
    );
    assert.equal(byOtherRegion.statusCode, 403);
    assert.equal(byOtherRegion.json().code, 'AUTH.FORBIDDEN_SCOPE');

    const { id } = (await recorded('44')).json();
    const versionByOtherCaisse = await refused(async () =>
      call(
        'POST',
        `/api/v1/regional-diagnoses/${id}/versions`,
        await caisse('53'),
        { title: 'Intrus', summary: 'Texte', sources: ['PRST'], diagnosedOn: today },
        { 'if-match': '"1"' },
      ),
    );
    assert.equal(versionByOtherCaisse.statusCode, 403);
    assert.equal(versionByOtherCaisse.json().code, 'AUTH.FORBIDDEN_SCOPE');
  });

  it('shows each reader its own region’s diagnosis (services included) and national roles every region’s', async () => {
    const { id } = (await recorded('75')).json();
    await recorded('76');
    const sameRegionService = await testToken(config, { roles: ['sst'], region: '75', org: randomUUID() });
    assert.equal((await call('GET', `/api/v1/regional-diagnoses/${id}`, sameRegionService)).statusCode, 200);
    const otherRegion = await call('GET', `/api/v1/regional-diagnoses/${id}`, await direccte('76'));
    assert.equal(otherRegion.statusCode, 403);
    assert.equal(otherRegion.json().code, 'AUTH.FORBIDDEN_SCOPE');
    const otherVersion = await call(
      'GET',
      `/api/v1/regional-diagnoses/${id}/versions/1`,
      await direccte('76'),
    );
    assert.equal(otherVersion.statusCode, 403);
    const otherHistory = await call('GET', `/api/v1/regional-diagnoses/${id}/history`, await direccte('76'));
    assert.equal(otherHistory.statusCode, 403);

    const regionsOf = async (token: string, query = '') => {
      const list = await call('GET', `/api/v1/regional-diagnoses${query}`, token);
      assert.equal(list.statusCode, 200, list.body);
      return list.json().items.map((d: { region: string }) => d.region);
    };
    assert.deepEqual(await regionsOf(await direccte('76')), ['76']);
    assert.deepEqual(await regionsOf(sameRegionService), ['75']);
    const all = await regionsOf(await national());
    assert.ok(all.includes('75') && all.includes('76') && all.includes('53'));
    assert.deepEqual(await regionsOf(await national(), '?region=76'), ['76']);
    assert.deepEqual(
      await regionsOf(await direccte('76'), '?region=75'),
      [],
      'a filter never widens the scope',
    );

    const paged = await call('GET', '/api/v1/regional-diagnoses?pageSize=2&page=2', await admin());
    assert.equal(paged.json().page, 2);
    assert.equal(paged.json().items.length, 2);
    assert.ok(paged.json().total >= 6);
    const badQuery = await call('GET', '/api/v1/regional-diagnoses?region=XX', await admin());
    assert.equal(badQuery.statusCode, 400);
    assert.equal(badQuery.json().errors[0].field, 'region');
  });

  it('answers 404 for an unknown diagnosis and 401 without a token', async () => {
    const unknown = await call('GET', `/api/v1/regional-diagnoses/${randomUUID()}`, await admin());
    assert.equal(unknown.statusCode, 404);
    assert.equal(unknown.json().code, 'REGIONAL_DIAGNOSIS.NOT_FOUND');
    assert.equal((await call('GET', '/api/v1/regional-diagnoses')).statusCode, 401);
  });
});
