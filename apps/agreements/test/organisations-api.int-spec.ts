import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@tripartite/config';
import { createServiceApp } from '@tripartite/http';
import { connectEventTransport } from '@tripartite/messaging';
import {
  cleanupIsolatedEnvironment,
  createTestDatabase,
  isolatedEnvironment,
  testToken,
} from '@tripartite/testing';
import { DataSource } from 'typeorm';
import { agreementsConfigSchema } from '../src/agreements.config';
import { AgreementsModule } from '../src/agreements.module';

describe('the organisations directory over HTTP', () => {
  let app: NestFastifyApplication;
  let config: ReturnType<typeof loadConfig<typeof agreementsConfigSchema>>;
  let drop: () => Promise<void>;
  let dataSource: DataSource;
  let env: Record<string, string>;

  const bretagne = { type: 'SSTI', name: 'AST 35', regions: ['53'], contacts: [] };

  before(async () => {
    const db = await createTestDatabase('agreements_orgs');
    drop = db.drop;
    env = isolatedEnvironment('agreements_orgs', db.name);
    config = loadConfig(agreementsConfigSchema, env);
    app = await createServiceApp({
      module: AgreementsModule.forRoot(config),
      config,
      openApi: { title: 'test', description: 'test' },
      configure: async (nest) => {
        connectEventTransport(nest);
        await nest.startAllMicroservices();
      },
    });
    dataSource = app.get(DataSource);
  });
  after(async () => {
    await app?.close();
    await cleanupIsolatedEnvironment(env);
    await drop?.();
  });

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
    const response = await post(
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
    assert.equal(response.statusCode, 201, response.body);
    const created = response.json();
    assert.equal(response.headers.etag, '"1"');
    const [event] = await dataSource.query('SELECT envelope FROM outbox WHERE aggregate_id = $1', [
      created.id,
    ]);
    assert.equal(event.envelope.type, 'organisation.registered');
    assert.equal(event.envelope.payload.name, 'AST 35');
    assert.equal(event.envelope.region, '53');

    const again = await post(
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
    assert.match(response.body, /^tripartite_events_consumed\{outcome="applied",service="agreements"\} 0$/m);
    assert.match(response.body, /http_request_duration_seconds_bucket\{/);
  });

  it('lets a reader of the region read it, and refuses another region and another service (403)', async () => {
    const direccte = await testToken(config, { roles: ['direccte'], region: '53' });
    const created = (await post({ ...bretagne, name: 'AST 22' }, direccte)).json();
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
