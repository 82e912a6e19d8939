import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type Role, signDevelopmentToken } from '@tripartite/auth';
import { loadConfig } from '@tripartite/config';
import { freePort, isolatedEnvironment } from '@tripartite/testing';
import Fastify, { type FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { createGatewayApp } from '../src/gateway.app';
import { type GatewayConfig, gatewayConfigSchema } from '../src/gateway.config';
import type { OpenApiDocument } from '../src/openapi/openapi-merger';
import type { Problem } from '../src/problem/problem';
import { ROUTE_TABLE } from '../src/routing/route-table';

const secret = 'gateway-test-secret-that-is-at-least-32-characters';
const RATE_LIMIT = 5;

/** What a fake service answers: what it received. */
interface Echo {
  service: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

async function json<T>(response: Response | Promise<Response>): Promise<T> {
  return (await (await response).json()) as T;
}

/** The status of a response, its body read to the end (an unread body keeps the connection busy). */
async function status(response: Promise<Response>): Promise<number> {
  const complete = await response;
  await complete.arrayBuffer();
  return complete.status;
}

interface Seen {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
}

/** A test double of one service: echoes what it received, and serves its own /openapi.json. */
async function fakeService(
  name: string,
  paths: string[],
): Promise<{ app: FastifyInstance; url: string; seen: Seen[] }> {
  const app = Fastify();
  const seen: Seen[] = [];
  app.all('/api/v1/*', async (request, reply) => {
    seen.push({ path: request.url, headers: request.headers, body: request.body });
    reply.header('etag', `"${name}-v3"`);
    return { service: name, path: request.url, headers: request.headers, body: request.body ?? null };
  });
  app.get('/openapi.json', async () => ({
    openapi: '3.0.0',
    info: { title: name, version: '1' },
    paths: Object.fromEntries(
      [...paths, '/health/live'].map((path) => [
        path,
        { get: { operationId: `${name}-${path}`, responses: {} } },
      ]),
    ),
    components: { schemas: { Problem: { type: 'object', description: `${name}'s problem` } } },
  }));
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url, seen };
}

/** An address where nothing listens: a service that is down. */
const closedPortUrl = async () => `http://127.0.0.1:${await freePort()}`;

describe('gateway', () => {
  let agreements: Awaited<ReturnType<typeof fakeService>>;
  let contracts: Awaited<ReturnType<typeof fakeService>>;
  let gateway: NestFastifyApplication;
  let base: string;
  let config: GatewayConfig;

  before(async () => {
    agreements = await fakeService('agreements', ['/api/v1/organisations', '/api/v1/organisations/{id}']);
    contracts = await fakeService('contracts', ['/api/v1/cpoms', '/api/v1/organisations/{id}/cpoms']);
    const down = await closedPortUrl();
    config = loadConfig(gatewayConfigSchema, {
      ...isolatedEnvironment('gateway', 'test_gateway_no_database'),
      AUTH_ISSUER: 'tripartite-gateway-test',
      AUTH_DEV_SECRET: secret,
      AGREEMENTS_URL: agreements.url,
      CONTRACTS_URL: contracts.url,
      CONSULTATIONS_URL: down,
      NOTIFICATIONS_URL: down,
      INDICATORS_URL: down,
      GATEWAY_RATE_LIMIT_MAX: String(RATE_LIMIT),
      GATEWAY_RATE_LIMIT_WINDOW_MS: '60000',
    });
    // One more specific route than the real table has, to show precedence over /api/v1/organisations.
    const routes = [
      ...ROUTE_TABLE,
      { pattern: '/api/v1/organisations/:id/cpoms', service: 'contracts' as const },
    ];
    gateway = await createGatewayApp(config, routes);
    await gateway.listen(0, '127.0.0.1');
    base = await gateway.getUrl();
    base = base.replace('[::1]', '127.0.0.1');
  });

  after(async () => {
    await gateway?.close();
    await agreements?.app.close();
    await contracts?.app.close();
    const redis = new Redis(config.REDIS_URL);
    const keys = await redis.keys(`${config.REDIS_PREFIX}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  let subjects = 0;
  /** A fresh subject per call, so the per-client rate limit only bites where a test means it to. */
  function token(roles: Role[] = ['direccte'], subject = `user-${++subjects}`) {
    return signDevelopmentToken({
      subject,
      roles,
      region: '11',
      issuer: config.AUTH_ISSUER,
      audience: config.AUTH_AUDIENCE,
      secret,
    });
  }

  async function get(path: string, headers: Record<string, string> = {}) {
    return fetch(`${base}${path}`, { headers });
  }

  it('routes each path to its owning service, the most specific pattern first', async () => {
    const bearer = { authorization: `Bearer ${await token()}` };
    const organisation = await json<Echo>(get('/api/v1/organisations/o-1?expand=regions', bearer));
    assert.equal(organisation.service, 'agreements');
    assert.equal(organisation.path, '/api/v1/organisations/o-1?expand=regions');
    assert.equal((await json<Echo>(get('/api/v1/organisations/o-1/cpoms', bearer))).service, 'contracts');
    assert.equal((await json<Echo>(get('/api/v1/cpoms/c-7/history', bearer))).service, 'contracts');
  });

  it('forwards the caller’s headers and body, adds request and correlation ids, and relays the ETag', async () => {
    const bearer = `Bearer ${await token(['sst'])}`;
    const response = await fetch(`${base}/api/v1/cpoms/c-7/amendments`, {
      method: 'POST',
      headers: {
        authorization: bearer,
        'content-type': 'application/json',
        'x-request-id': 'req-123',
        'x-correlation-id': 'corr-456',
        'idempotency-key': 'idem-789',
        'if-match': '"contracts-v2"',
      },
      body: JSON.stringify({ objective: 'TMS' }),
    });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('etag'), '"contracts-v3"');
    assert.equal(response.headers.get('x-request-id'), 'req-123');
    const echoed = await json<Echo>(response);
    assert.equal(echoed.headers.authorization, bearer);
    assert.equal(echoed.headers['x-request-id'], 'req-123');
    assert.equal(echoed.headers['x-correlation-id'], 'corr-456');
    assert.equal(echoed.headers['idempotency-key'], 'idem-789');
    assert.equal(echoed.headers['if-match'], '"contracts-v2"');
    assert.deepEqual(echoed.body, { objective: 'TMS' });
  });

  it('gives a request without ids one, used as its correlation id too', async () => {
    const echoed = await json<Echo>(get('/api/v1/cpoms', { authorization: `Bearer ${await token()}` }));
    assert.match(echoed.headers['x-request-id'], /^[0-9a-f-]{36}$/);
    assert.equal(echoed.headers['x-correlation-id'], echoed.headers['x-request-id']);
  });

  it('answers 401 problem+json to a request without a token, and does not forward it (issue 3 faults)', async () => {
    const forwardedSoFar = contracts.seen.length;
    const response = await get('/api/v1/cpoms');
    assert.equal(response.status, 401);
    assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
    const problem = await json<Problem>(response);
    assert.equal(problem.code, 'AUTH.UNAUTHENTICATED');
    assert.equal(problem.status, 401);
    assert.equal(contracts.seen.length, forwardedSoFar);
  });

  it('answers 401 to a token signed with another key', async () => {
    const forged = await signDevelopmentToken({
      subject: 'mallory',
      roles: ['admin'],
      issuer: config.AUTH_ISSUER,
      audience: config.AUTH_AUDIENCE,
      secret: 'not-the-gateway-secret-but-32-characters-long',
    });
    const response = await get('/api/v1/cpoms', { authorization: `Bearer ${forged}` });
    assert.equal(response.status, 401);
    assert.equal((await json<Problem>(response)).code, 'AUTH.UNAUTHENTICATED');
  });

  it('answers 404 problem+json to a path no service owns', async () => {
    const response = await get('/api/v1/unknown-things', { authorization: `Bearer ${await token()}` });
    assert.equal(response.status, 404);
    assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
    assert.equal((await json<Problem>(response)).code, 'GATEWAY.NOT_FOUND');
  });

  it('answers 502 problem+json when the owning service is down', async () => {
    const response = await get('/api/v1/consultations', { authorization: `Bearer ${await token()}` });
    assert.equal(response.status, 502);
    assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
    const problem = await json<Problem>(response);
    assert.equal(problem.code, 'GATEWAY.UPSTREAM_UNAVAILABLE');
    assert.match(problem.detail, /consultations/);
  });

  it('answers 429 problem+json past the limit of one client, without slowing another', async () => {
    const busy = { authorization: `Bearer ${await token(['caisse'], 'busy-client')}` };
    for (let i = 0; i < RATE_LIMIT; i++) assert.equal(await status(get('/api/v1/cpoms', busy)), 200);
    const limited = await get('/api/v1/cpoms', busy);
    assert.equal(limited.status, 429);
    assert.match(limited.headers.get('content-type') ?? '', /^application\/problem\+json/);
    assert.ok(Number(limited.headers.get('retry-after')) > 0);
    assert.equal((await json<Problem>(limited)).code, 'GATEWAY.RATE_LIMITED');
    const other = get('/api/v1/cpoms', { authorization: `Bearer ${await token(['caisse'], 'calm-client')}` });
    assert.equal(await status(other), 200);
  });

  it('shares each client’s count between the gateway’s replicas (Redis)', async () => {
    const replica = await createGatewayApp(config);
    try {
      const shared = { authorization: `Bearer ${await token(['ars'], 'client-of-two-replicas')}` };
      const injectVia = async (app: NestFastifyApplication) =>
        (
          await app
            .getHttpAdapter()
            .getInstance()
            .inject({ method: 'GET', url: '/api/v1/cpoms', headers: shared })
        ).statusCode;
      for (let i = 0; i < RATE_LIMIT; i++)
        assert.equal(await injectVia(i % 2 === 0 ? gateway : replica), 200);
      assert.equal(await injectVia(replica), 429);
      assert.equal(await injectVia(gateway), 429);
    } finally {
      await replica.close();
    }
  });

  it('serves one OpenAPI document with both services’ routed paths, naming the services it omits', async () => {
    const response = await get('/api/openapi.json');
    assert.equal(response.status, 200);
    const document = await json<OpenApiDocument>(response);
    assert.deepEqual(Object.keys(document.paths ?? {}).sort(), [
      '/api/v1/cpoms',
      '/api/v1/organisations',
      '/api/v1/organisations/{id}',
      '/api/v1/organisations/{id}/cpoms',
    ]);
    assert.ok(document.components?.schemas?.['agreements.Problem']);
    assert.ok(document.components?.schemas?.['contracts.Problem']);
    const services = document['x-tripartite-services'] as { included: string[] };
    assert.deepEqual(services.included, ['agreements', 'contracts']);
    assert.match(document.info.description ?? '', /Omitted .*consultations/);
  });

  it('serves the API documentation as a browsable page, public', async () => {
    const page = await get('/api/docs');
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
    assert.match(await page.text(), /swagger-ui/);
    const init = await (await get('/api/docs/swagger-ui-init.js')).text();
    assert.match(init, /\/api\/v1\/organisations\/\{id\}\/cpoms/);
    const bundle = await get('/api/docs/swagger-ui-bundle.js');
    assert.equal(bundle.status, 200);
    assert.ok((await bundle.arrayBuffer()).byteLength > 100_000);
  });

  it('is live and ready without a token, whatever the services', async () => {
    for (const path of ['/health/live', '/health/ready']) {
      const response = await get(path);
      assert.equal(response.status, 200);
      assert.deepEqual(await response.json(), { status: 'ok' });
    }
  });
});
