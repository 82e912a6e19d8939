import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { PlatformConfig } from '@tripartite/config';
import { testToken } from '@tripartite/testing';
import type { DataSource } from 'typeorm';
import { siretWithKey } from '../src/organisation/domain/siret.rule';
import { startAgreements } from './support/agreements-app';

let serial = 0;

/** A fresh SIRET with a valid INSEE key. */
const validSiret = () => siretWithKey(`73282${String(serial++).padStart(8, '0')}`);

/** An inter-company service of Bretagne, complete as the directory requires. */
function aService(name: string, regions = ['53']) {
  return {
    type: 'SSTI',
    name,
    regions,
    contacts: [],
    siret: validSiret(),
    service: { employeesFollowed: 48_000, memberCompanies: 3_900, btp: false, sectors: ['Rennes'] },
  };
}

describe('the organisations directory over HTTP', () => {
  let app: NestFastifyApplication;
  let config: PlatformConfig;
  let dataSource: DataSource;
  let close: () => Promise<void>;

  const bretagne = aService('AST 35');

  before(async () => {
    ({ app, config, dataSource, close } = await startAgreements('agreements_orgs'));
  });
  after(() => close?.());

  const post = async (body: unknown, token?: string, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      payload: body as object,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    });

  it('refuses a request without a token (401)', async () => {
    const response = await post(bretagne);
    assert.equal(response.statusCode, 401);
    assert.match(String(response.headers['content-type']), /application\/problem\+json/);
  });

  it('refuses a DIRECCTE agent of another region (403), and writes nothing', async () => {
    const occitanie = await testToken(config, { roles: ['direccte'], region: '76' });
    const response = await post(bretagne, occitanie);
    assert.equal(response.statusCode, 403);
    assert.equal(response.json().code, 'AUTH.FORBIDDEN_SCOPE');
    const [{ n }] = await dataSource.query('SELECT count(*)::int AS n FROM organisations');
    assert.equal(n, 0);
  });

  it('refuses a service director, whose role does not keep the register (403)', async () => {
    const sst = await testToken(config, { roles: ['sst'], region: '53', org: 'x' });
    const response = await post(bretagne, sst);
    assert.equal(response.statusCode, 403);
    assert.equal(response.json().code, 'AUTH.FORBIDDEN_ROLE');
  });

  it('answers 400 naming each bad field, and writes nothing', async () => {
    const direccte = await testToken(config, { roles: ['direccte'], region: '53' });
    const response = await post(
      {
        type: 'CLINIC',
        name: '',
        regions: ['99'],
        contacts: [{ name: 'A', email: 'nope', receivesNotifications: true }],
      },
      direccte,
    );
    assert.equal(response.statusCode, 400);
    const fields = response
      .json()
      .errors.map((e: { field: string }) => e.field)
      .sort();
    assert.deepEqual(fields, ['contacts[0].email', 'name', 'regions[0]', 'type']);
    const [{ n }] = await dataSource.query('SELECT count(*)::int AS n FROM outbox');
    assert.equal(n, 0);
  });

  it('registers an organisation: row, audit entry and organisation.registered commit together', async () => {
    const direccte = await testToken(config, { roles: ['direccte'], region: '53' });
    /** The same registration, sent again with the same Idempotency-Key below. */
    const register = () =>
      post(
        {
          ...bretagne,
          contacts: [
            {
              name: 'Anne Le Goff',
              email: 'anne@ast35.fr',
              function: 'Directrice',
              receivesNotifications: true,
            },
          ],
        },
        direccte,
        { 'idempotency-key': 'register-ast35' },
      );
    const response = await register();
    assert.equal(response.statusCode, 201, response.body);
    const created = response.json();
    assert.equal(response.headers.etag, '"1"');
    const [event] = await dataSource.query('SELECT envelope FROM outbox WHERE aggregate_id = $1', [
      created.id,
    ]);
    assert.equal(event.envelope.type, 'organisation.registered');
    assert.equal(event.envelope.payload.name, 'AST 35');
    assert.equal(event.envelope.region, '53');

    const again = await register();
    assert.equal(again.statusCode, 201);
    assert.equal(again.json().id, created.id, 'a repeated Idempotency-Key returns the first answer');
    const [{ n }] = await dataSource.query('SELECT count(*)::int AS n FROM organisations');
    assert.equal(n, 1);

    const history = await app.inject({
      method: 'GET',
      url: `/api/v1/organisations/${created.id}/history`,
      headers: { authorization: `Bearer ${direccte}` },
    });
    assert.equal(history.statusCode, 200);
    assert.equal(history.json().items[0].action, 'organisation.register');
    assert.equal(history.json().items[0].actor.region, '53');
  });

  it('exposes the outbox backlog and the request durations to Prometheus, without a token', async () => {
    const response = await app.inject({ method: 'GET', url: '/metrics' });
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /^tripartite_outbox_pending\{service="agreements"\} \d+$/m);
    assert.match(
      response.body,
      /^tripartite_events_consumed_total\{outcome="applied",service="agreements"\} 0$/m,
    );
    assert.match(response.body, /http_request_duration_seconds_bucket\{/);
  });

  it('lets a reader of the region read it, and refuses another region and another service (403)', async () => {
    const direccte = await testToken(config, { roles: ['direccte'], region: '53' });
    const created = (await post(aService('AST 22'), direccte)).json();
    const read = (token: string) =>
      app.inject({
        method: 'GET',
        url: `/api/v1/organisations/${created.id}`,
        headers: { authorization: `Bearer ${token}` },
      });

    assert.equal((await read(await testToken(config, { roles: ['caisse'], region: '53' }))).statusCode, 200);
    assert.equal((await read(await testToken(config, { roles: ['national'] }))).statusCode, 200);
    assert.equal(
      (await read(await testToken(config, { roles: ['direccte'], region: '11' }))).statusCode,
      403,
    );
    assert.equal(
      (await read(await testToken(config, { roles: ['sst'], region: '53', org: 'another-service' })))
        .statusCode,
      403,
    );
    assert.equal(
      (await read(await testToken(config, { roles: ['sst'], region: '53', org: created.id }))).statusCode,
      200,
    );
  });
});

describe('the directory rules and scopes over HTTP (issue 4, organisations)', () => {
  let app: NestFastifyApplication;
  let config: PlatformConfig;
  let dataSource: DataSource;
  let close: () => Promise<void>;

  before(async () => {
    ({ app, config, dataSource, close } = await startAgreements('agreements_dir'));
  });
  after(() => close?.());

  const call = async (
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    token: string,
    body?: object,
    headers = {},
  ) => app.inject({ method, url, payload: body, headers: { authorization: `Bearer ${token}`, ...headers } });
  const direccte = (region = '53') => testToken(config, { roles: ['direccte'], region });

  it('refuses a SIRET whose key is wrong, a Caisse without its fund, a profile on a non-service (400, nothing written)', async () => {
    const token = await direccte();
    const badSiret = await call('POST', '/api/v1/organisations', token, {
      ...aService('X'),
      siret: '73282932000075',
    });
    assert.equal(badSiret.statusCode, 400);
    assert.deepEqual(
      badSiret.json().errors.map((e: { field: string; rule: string }) => [e.field, e.rule]),
      [['siret', 'siret']],
    );

    const caisse = await call('POST', '/api/v1/organisations', token, {
      type: 'CAISSE',
      name: 'CARSAT Bretagne',
      regions: ['53'],
    });
    assert.equal(caisse.statusCode, 400);
    assert.deepEqual(
      caisse.json().errors.map((e: { field: string }) => e.field),
      ['caisseKind'],
    );

    const ars = await call('POST', '/api/v1/organisations', token, {
      type: 'ARS',
      name: 'ARS Bretagne',
      regions: ['53'],
      service: aService('x').service,
    });
    assert.equal(ars.statusCode, 400);
    assert.equal(ars.json().errors[0].rule, 'service-only');
    const [{ n }] = await dataSource.query('SELECT count(*)::int AS n FROM organisations');
    assert.equal(n, 0);
  });

  it('refuses a second organisation with the same SIRET (409)', async () => {
    const token = await direccte();
    const first = aService('AST 29');
    assert.equal((await call('POST', '/api/v1/organisations', token, first)).statusCode, 201);
    const again = await call('POST', '/api/v1/organisations', token, {
      ...aService('AST 29 bis'),
      siret: first.siret,
    });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().code, 'ORGANISATION.SIRET_ALREADY_REGISTERED');
  });

  it('lists within the reader scope: national all, a DIRECCTE its region, a service itself', async () => {
    const admin = await testToken(config, { roles: ['admin'] });
    const inBretagne = (
      await call('POST', '/api/v1/organisations', admin, aService('Santé Travail Bretagne'))
    ).json();
    await call('POST', '/api/v1/organisations', admin, aService('Santé Travail Normandie', ['28']));
    await call('POST', '/api/v1/organisations', admin, {
      type: 'CAISSE',
      name: 'CARSAT Sud-Est',
      regions: ['93', '94'],
      caisseKind: 'CARSAT',
    });
    const names = async (token: string, query = '') =>
      ((await call('GET', `/api/v1/organisations${query}`, token)).json().items as { name: string }[]).map(
        (o) => o.name,
      );

    const national = await names(await testToken(config, { roles: ['national'] }));
    assert.ok(national.includes('Santé Travail Normandie') && national.includes('CARSAT Sud-Est'));
    const bretagne = await names(await direccte('53'));
    assert.ok(bretagne.includes('Santé Travail Bretagne'));
    assert.ok(!bretagne.includes('Santé Travail Normandie'));
    assert.deepEqual(
      await names(await direccte('94')),
      ['CARSAT Sud-Est'],
      'a Caisse covering two regions is seen from both',
    );
    const itself = await names(await testToken(config, { roles: ['sst'], region: '53', org: inBretagne.id }));
    assert.deepEqual(itself, ['Santé Travail Bretagne']);
    assert.deepEqual(await names(admin, '?type=CAISSE'), ['CARSAT Sud-Est']);
    assert.equal((await call('GET', '/api/v1/organisations?type=CLINIC', admin)).statusCode, 400);
  });

  it('changes an organisation with If-Match: 428 without it, 412 when stale, then organisation.updated', async () => {
    const token = await direccte();
    const created = (await call('POST', '/api/v1/organisations', token, aService('AST 56'))).json();
    const url = `/api/v1/organisations/${created.id}`;
    assert.equal((await call('PATCH', url, token, { name: 'AST Morbihan' })).statusCode, 428);
    const stale = await call('PATCH', url, token, { name: 'AST Morbihan' }, { 'if-match': '"7"' });
    assert.equal(stale.statusCode, 412);
    const changed = await call('PATCH', url, token, { name: 'AST Morbihan' }, { 'if-match': '"1"' });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal(changed.headers.etag, '"2"');
    assert.equal(changed.json().name, 'AST Morbihan');
    const events = await dataSource.query(
      "SELECT envelope->>'aggregateVersion' AS v, envelope->'payload'->>'name' AS name FROM outbox WHERE type = 'organisation.updated' AND aggregate_id = $1",
      [created.id],
    );
    assert.deepEqual(events, [{ v: '2', name: 'AST Morbihan' }]);
    const unchanged = await call('PATCH', url, token, { service: null }, { 'if-match': '"2"' });
    assert.equal(unchanged.statusCode, 422, 'a service keeps its profile');
    assert.equal(unchanged.json().errors[0].field, 'service');
  });

  it('lets a service keep its own contacts, and nothing else; refuses another region (403)', async () => {
    const created = (
      await call('POST', '/api/v1/organisations', await direccte(), aService('AST 22'))
    ).json();
    const url = `/api/v1/organisations/${created.id}`;
    const itself = await testToken(config, { roles: ['sst'], region: '53', org: created.id });
    const contacts = [
      {
        name: 'Gaël Tanguy',
        email: 'gael@ast22.example',
        function: 'Directeur',
        receivesNotifications: true,
      },
    ];
    const own = await call('PATCH', url, itself, { contacts }, { 'if-match': '"1"' });
    assert.equal(own.statusCode, 200, own.body);
    assert.equal(
      (await call('PATCH', url, itself, { name: 'Autre' }, { 'if-match': '"2"' })).statusCode,
      403,
    );
    assert.equal(
      (await call('PATCH', url, await direccte('11'), { name: 'Autre' }, { 'if-match': '"2"' })).statusCode,
      403,
    );
    const history = (await call('GET', `${url}/history`, itself)).json();
    assert.deepEqual(
      history.items.map((i: { action: string }) => i.action),
      ['organisation.register', 'organisation.update'],
    );
  });
});
