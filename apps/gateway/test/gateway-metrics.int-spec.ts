import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { signDevelopmentToken } from '@tripartite/auth';
import { loadConfig } from '@tripartite/config';
import { freePort, isolatedEnvironment, sampleSum } from '@tripartite/testing';
import { createGatewayApp } from '../src/gateway.app';
import { gatewayConfigSchema } from '../src/gateway.config';

const secret = 'gateway-metrics-test-secret-at-least-32-chars';

/** An address where nothing listens: every service is down. */
const closedPortUrl = async () => `http://127.0.0.1:${await freePort()}`;

// Prometheus scrapes the gateway like every service (k8s/base/services/gateway.yaml): what it answered,
// how fast, by route and status; and the process's own figures.
describe("the gateway's /metrics (platform rule)", () => {
  let gateway: NestFastifyApplication;
  let base: string;

  before(async () => {
    const down = await closedPortUrl();
    const config = loadConfig(gatewayConfigSchema, {
      ...isolatedEnvironment('gateway_metrics', 'test_gateway_no_database'),
      AUTH_ISSUER: 'tripartite-gateway-test',
      AUTH_DEV_SECRET: secret,
      AGREEMENTS_URL: down,
      CONTRACTS_URL: down,
      CONSULTATIONS_URL: down,
      NOTIFICATIONS_URL: down,
      INDICATORS_URL: down,
      GATEWAY_RATE_LIMIT_STORE: 'memory',
    });
    gateway = await createGatewayApp(config);
    await gateway.listen(0, '127.0.0.1');
    base = (await gateway.getUrl()).replace('[::1]', '127.0.0.1');
  });
  after(async () => {
    await gateway?.close();
  });

  async function scrape(): Promise<string> {
    const response = await fetch(`${base}/metrics`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/plain/);
    return response.text();
  }

  const answered = (metrics: string, status: string) =>
    sampleSum(metrics, 'http_request_duration_seconds_count', { service: 'gateway', status_code: status });

  it('counts the answers it gave, refusals and unreachable services included, without a token to scrape', async () => {
    const before = await scrape();
    assert.ok(sampleSum(before, 'process_cpu_seconds_total', { service: 'gateway' }) > 0);

    const refused = await fetch(`${base}/api/v1/organisations`);
    assert.equal(refused.status, 401);
    await refused.arrayBuffer();
    const token = await signDevelopmentToken({
      subject: 'agent',
      roles: ['direccte'],
      region: '53',
      issuer: 'tripartite-gateway-test',
      audience: 'tripartite',
      secret,
    } as Parameters<typeof signDevelopmentToken>[0]);
    const unreachable = await fetch(`${base}/api/v1/organisations`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(unreachable.status, 502);
    await unreachable.arrayBuffer();

    const after = await scrape();
    assert.equal(answered(after, '401'), answered(before, '401') + 1);
    assert.equal(answered(after, '502'), answered(before, '502') + 1);
  });
});
