import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { signDevelopmentToken } from '@tripartite/auth';
import { loadConfig } from '@tripartite/config';
import { isolatedEnvironment } from '@tripartite/testing';
import Fastify, { type FastifyInstance } from 'fastify';
import { createGatewayApp } from '../src/gateway.app';
import { type GatewayConfig, gatewayConfigSchema } from '../src/gateway.config';

const secret = 'gateway-edge-test-secret-that-is-at-least-32-characters';
const ONE_MIB = 1_048_576;
const ALLOWED_ORIGIN = 'https://app.tripartite.test';

/**
 * A service as the real ones are: Fastify with its default 1 MiB body limit, answering 201 to what it
 * receives; one path closes the connection mid-request, as a service killed while answering.
 */
async function realisticService(): Promise<{ app: FastifyInstance; url: string; received: () => number }> {
  const app = Fastify();
  let received = 0;
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  app.post('/api/v1/organisations', async (request, reply) => {
    received += 1;
    reply.code(201);
    return {
      bytes: (request.body as Buffer | undefined)?.length ?? 0,
      type: request.headers['content-type'],
    };
  });
  app.get('/api/v1/organisations', async () => ({ items: [] }));
  app.get('/api/v1/agreements/crash', async (request) => {
    request.raw.socket.destroy();
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url, received: () => received };
}

describe('gateway edge: bodies, upstream failures, security headers, CORS', () => {
  let service: Awaited<ReturnType<typeof realisticService>>;
  let gateway: NestFastifyApplication;
  let base: string;
  let config: GatewayConfig;

  function configFor(extra: Record<string, string>): GatewayConfig {
    return loadConfig(gatewayConfigSchema, {
      ...isolatedEnvironment('gateway_edge', 'test_gateway_no_database'),
      AUTH_ISSUER: 'tripartite-gateway-edge-test',
      AUTH_DEV_SECRET: secret,
      AGREEMENTS_URL: service.url,
      GATEWAY_RATE_LIMIT_STORE: 'memory',
      GATEWAY_RATE_LIMIT_MAX: '100000',
      ...extra,
    });
  }

  // The rate limit counts in memory here: this file leaves nothing in Redis.
  before(async () => {
    service = await realisticService();
    config = configFor({ GATEWAY_CORS_ORIGINS: `${ALLOWED_ORIGIN}/` });
    gateway = await createGatewayApp(config);
    await gateway.listen(0, '127.0.0.1');
    base = (await gateway.getUrl()).replace('[::1]', '127.0.0.1');
  });

  after(async () => {
    await gateway?.close();
    await service?.app.close();
  });

  const token = () =>
    signDevelopmentToken({
      subject: 'edge-tester',
      roles: ['direccte'],
      region: '53',
      issuer: config.AUTH_ISSUER,
      audience: config.AUTH_AUDIENCE,
      secret,
    });

  async function post(
    body: string | ReadableStream<Uint8Array>,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: string; type: string }> {
    const response = await fetch(`${base}/api/v1/organisations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await token()}`, 'content-type': 'application/json', ...headers },
      body,
      // Only a streamed body is sent chunked (without Content-Length).
      ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
    } as RequestInit);
    return {
      status: response.status,
      body: await response.text(),
      type: response.headers.get('content-type') ?? '',
    };
  }

  /** A body sent chunked, without Content-Length: only counting tells its size. */
  function chunked(bytes: number): ReadableStream<Uint8Array> {
    let sent = 0;
    return new ReadableStream({
      pull(controller) {
        if (sent >= bytes) return controller.close();
        const size = Math.min(64 * 1024, bytes - sent);
        sent += size;
        controller.enqueue(new Uint8Array(size).fill(0x20));
      },
    });
  }

  const oversized = () => `"${'x'.repeat(ONE_MIB + 10)}"`;

  it('refuses a body over 1 MiB itself with a 413 problem, announced or chunked, and forwards nothing (issue 10)', async () => {
    const before = service.received();
    const announced = await post(oversized());
    assert.equal(announced.status, 413);
    assert.match(announced.type, /^application\/problem\+json/);
    assert.equal(JSON.parse(announced.body).code, 'REQUEST.TOO_LARGE');
    const streamed = await post(chunked(ONE_MIB + 4096));
    assert.equal(streamed.status, 413);
    assert.match(streamed.type, /^application\/problem\+json/);
    assert.equal(service.received(), before);
  });

  it('answers every request when oversized bodies come among normal ones, in parallel, and serves the next ones (issue 10)', async () => {
    const requests: Promise<{ expected: number; status: number }>[] = [];
    for (let i = 0; i < 36; i++) {
      const kind = i % 3;
      const sent =
        kind === 0
          ? post(oversized())
          : kind === 1
            ? post(chunked(ONE_MIB + 1))
            : post(JSON.stringify({ n: i }));
      requests.push(sent.then(({ status }) => ({ expected: kind === 2 ? 201 : 413, status })));
    }
    const answers = await Promise.all(requests);
    assert.deepEqual(
      answers.map((a) => a.status),
      answers.map((a) => a.expected),
    );
    // The same route afterwards: no connection was left poisoned.
    const after = await Promise.all(Array.from({ length: 8 }, (_, n) => post(JSON.stringify({ after: n }))));
    assert.deepEqual(
      after.map((a) => a.status),
      Array(8).fill(201),
    );
  });

  it('forwards a body of exactly the limit, and the caller’s content type untouched', async () => {
    const body = `"${'y'.repeat(ONE_MIB - 2)}"`;
    const answer = await post(body, { 'content-type': 'application/json; charset=utf-8' });
    assert.equal(answer.status, 201, answer.body);
    assert.deepEqual(JSON.parse(answer.body), { bytes: ONE_MIB, type: 'application/json; charset=utf-8' });
  });

  it('answers 502 to a service that drops the connection, and the next requests to it get through', async () => {
    const crashed = await fetch(`${base}/api/v1/agreements/crash`, {
      headers: { authorization: `Bearer ${await token()}` },
    });
    assert.equal(crashed.status, 502);
    assert.match(crashed.headers.get('content-type') ?? '', /^application\/problem\+json/);
    await crashed.arrayBuffer();
    const next = await Promise.all(Array.from({ length: 4 }, () => post('{}')));
    assert.deepEqual(
      next.map((a) => a.status),
      [201, 201, 201, 201],
    );
  });

  it('answers an undecodable path with a problem, not the router’s own JSON', async () => {
    const response = await fetch(`${base}/api/v1/organisations/%E0%A4%A`, {
      headers: { authorization: `Bearer ${await token()}` },
    });
    assert.equal(response.status, 400);
    assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
  });

  it('sends nosniff and Cache-Control: no-store on API answers, refusals included (issue 10, platform rule)', async () => {
    const listed = await fetch(`${base}/api/v1/organisations`, {
      headers: { authorization: `Bearer ${await token()}` },
    });
    const refused = await fetch(`${base}/api/v1/organisations`);
    for (const response of [listed, refused]) {
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(response.headers.get('cache-control'), 'no-store');
      await response.arrayBuffer();
    }
    assert.equal(listed.status, 200);
    assert.equal(refused.status, 401);
  });

  it('serves the docs page with a Content-Security-Policy and X-Frame-Options, every asset it loads from itself (issue 10)', async () => {
    const page = await fetch(`${base}/api/docs`);
    assert.equal(page.status, 200);
    const csp = page.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(page.headers.get('x-frame-options'), 'DENY');
    const html = await page.text();
    assert.doesNotMatch(html, /<script>[^<]/, 'no inline script, which the policy would block');
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] as string);
    assert.ok(assets.length >= 3, html);
    for (const asset of assets) {
      assert.doesNotMatch(asset, /^(https?:)?\/\//, `${asset} would be loaded from elsewhere`);
      const response = await fetch(new URL(asset, `${base}/api/docs/`));
      assert.equal(response.status, 200, asset);
      await response.arrayBuffer();
    }
  });

  it('allows only the configured origins: a preflight is answered before authentication, others get no CORS header', async () => {
    const preflight = await fetch(`${base}/api/v1/organisations`, {
      method: 'OPTIONS',
      headers: {
        origin: ALLOWED_ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type, idempotency-key',
      },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), ALLOWED_ORIGIN);
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /idempotency-key/);

    const allowed = await fetch(`${base}/api/v1/organisations`, {
      headers: { origin: ALLOWED_ORIGIN, authorization: `Bearer ${await token()}` },
    });
    assert.equal(allowed.headers.get('access-control-allow-origin'), ALLOWED_ORIGIN);
    assert.match(allowed.headers.get('access-control-expose-headers') ?? '', /etag/);
    await allowed.arrayBuffer();

    const other = await fetch(`${base}/api/v1/organisations`, {
      headers: { origin: 'https://evil.example', authorization: `Bearer ${await token()}` },
    });
    assert.equal(other.headers.get('access-control-allow-origin'), null);
    await other.arrayBuffer();
  });

  it('has CORS off when no origin is configured (the default)', async () => {
    const closed = await createGatewayApp(configFor({}));
    try {
      const fastify = closed.getHttpAdapter().getInstance();
      const preflight = await fastify.inject({
        method: 'OPTIONS',
        url: '/api/v1/organisations',
        headers: { origin: ALLOWED_ORIGIN, 'access-control-request-method': 'POST' },
      });
      assert.equal(preflight.headers['access-control-allow-origin'], undefined);
      assert.notEqual(preflight.statusCode, 204);
    } finally {
      await closed.close();
    }
  });
});
