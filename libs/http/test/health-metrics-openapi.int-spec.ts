import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ReadinessRegistry } from '@tripartite/http';
import { jsonOf, postJson, validWidget, withWidgetsApp } from './support/widgets-app';

describe('health, metrics and OpenAPI of a service', () => {
  let brokerDown = false;

  const url = withWidgetsApp('http_health', {}, (service) => {
    service.app.get(ReadinessRegistry).register('broker', async () => {
      if (brokerDown) throw new Error('broker unreachable');
    });
  });

  it('answers /health/live while the process runs', async () => {
    const response = await fetch(url('/health/live'));
    assert.equal(response.status, 200);
    assert.equal((await jsonOf<{ status: string }>(response)).status, 'ok');
  });

  it('is ready when the database and every registered check answer', async () => {
    const response = await fetch(url('/health/ready'));
    assert.equal(response.status, 200);
    const body = await jsonOf<{ status: string; details: Record<string, { status: string }> }>(response);
    assert.equal(body.status, 'ok');
    assert.equal(body.details.database?.status, 'up');
    assert.equal(body.details.broker?.status, 'up');
  });

  it('is not ready (503 problem naming the failing check) when a registered check throws', async () => {
    brokerDown = true;
    try {
      const response = await fetch(url('/health/ready'));
      assert.equal(response.status, 503);
      assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
      const problem = await jsonOf(response);
      assert.equal(problem.code, 'HEALTH.NOT_READY');
      assert.match(problem.detail, /broker/);
      const checks = problem.checks as Record<string, { status: string }>;
      assert.equal(checks.broker?.status, 'down');
      assert.equal(checks.database?.status, 'up');
      // Liveness does not depend on the broker: the pod must not be restarted for it.
      assert.equal((await fetch(url('/health/live'))).status, 200);
    } finally {
      brokerDown = false;
    }
    assert.equal((await fetch(url('/health/ready'))).status, 200);
  });

  it('exposes the HTTP request duration histogram by method, route and status on /metrics', async () => {
    await postJson(url('/api/v1/widgets'), validWidget);
    await fetch(url('/api/v1/widgets/not-a-uuid'));
    const response = await fetch(url('/metrics'));
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/plain/);
    const text = await response.text();
    assert.match(text, /# TYPE http_request_duration_seconds histogram/);
    assert.match(
      text,
      /http_request_duration_seconds_count\{[^}]*method="POST"[^}]*route="\/api\/v1\/widgets"[^}]*status_code="201"[^}]*\} 1/,
    );
    assert.match(
      text,
      /http_request_duration_seconds_bucket\{[^}]*route="\/api\/v1\/widgets\/:id"[^}]*status_code="400"/,
    );
    assert.match(text, /process_cpu_seconds_total/);
    assert.match(text, /service="widgets"/);
  });

  it('serves the OpenAPI document at /openapi.json with the routes, zod schemas and bearer scheme', async () => {
    const response = await fetch(url('/openapi.json'));
    assert.equal(response.status, 200);
    const document = await jsonOf<{
      openapi: string;
      info: { title: string };
      paths: Record<
        string,
        Record<string, { requestBody?: unknown; parameters?: { name: string; in: string }[] }>
      >;
      components: { securitySchemes: Record<string, { scheme: string }>; schemas: Record<string, unknown> };
    }>(response);
    assert.match(document.openapi, /^3\./);
    assert.equal(document.info.title, 'Widgets');
    assert.deepEqual(Object.keys(document.paths).sort(), [
      '/api/v1/context',
      '/api/v1/widgets',
      '/api/v1/widgets/boom',
      '/api/v1/widgets/{id}',
      '/api/v1/widgets/{id}/freeze',
    ]);
    const create = document.paths['/api/v1/widgets']?.post;
    const body = JSON.stringify(create?.requestBody);
    assert.match(body, /"contacts"/);
    assert.match(body, /"format":"email"/);
    assert.ok(create?.parameters?.some((p) => p.name === 'Idempotency-Key' && p.in === 'header'));
    const patch = document.paths['/api/v1/widgets/{id}']?.patch;
    assert.ok(patch?.parameters?.some((p) => p.name === 'If-Match' && p.in === 'header'));
    assert.ok(patch?.parameters?.some((p) => p.name === 'id' && p.in === 'path'));
    assert.ok(
      document.paths['/api/v1/widgets']?.get?.parameters?.some((p) => p.name === 'limit' && p.in === 'query'),
    );
    assert.equal(document.components.securitySchemes.bearer?.scheme, 'bearer');
    assert.ok(document.components.schemas.Problem);
  });
});
