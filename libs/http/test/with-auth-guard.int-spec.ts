import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Module } from '@nestjs/common';
import { AuthModule, signDevelopmentToken } from '@tripartite/auth';
import type { PlatformConfig } from '@tripartite/config';
import { PLATFORM_CONFIG } from '@tripartite/config';
import { WidgetsModule } from './support/widgets.module';
import { assertProblem, jsonOf, postJson, validWidget, withWidgetsApp } from './support/widgets-app';

@Module({ imports: [WidgetsModule, AuthModule.forRoot()] })
class GuardedWidgetsModule {}

describe('the http platform behind the auth guard', () => {
  let config: PlatformConfig;
  const tokenFor = (subject: string) =>
    signDevelopmentToken({
      subject,
      roles: ['sst'],
      region: '11',
      issuer: config.AUTH_ISSUER,
      audience: config.AUTH_AUDIENCE,
      secret: config.AUTH_DEV_SECRET,
    });

  const url = withWidgetsApp('http_auth', { module: GuardedWidgetsModule }, (service) => {
    config = service.app.get(PLATFORM_CONFIG);
  });

  it('answers a request without a token with a 401 problem', async () => {
    const response = await fetch(url('/api/v1/widgets'));
    assert.equal((await assertProblem(response, 401)).code, 'AUTH.UNAUTHENTICATED');
  });

  it('keeps health, metrics and the OpenAPI document public (probes and scrapers carry no token)', async () => {
    for (const path of ['/health/live', '/health/ready', '/metrics', '/openapi.json']) {
      assert.equal((await fetch(url(path))).status, 200, path);
    }
  });

  it('scopes idempotency keys to the caller: the same key from two callers runs twice', async () => {
    const key = 'shared-key-1';
    const [ana, bob] = await Promise.all([tokenFor('ana'), tokenFor('bob')]);
    const first = await postJson(url('/api/v1/widgets'), validWidget, {
      authorization: `Bearer ${ana}`,
      'idempotency-key': key,
    });
    const other = await postJson(url('/api/v1/widgets'), validWidget, {
      authorization: `Bearer ${bob}`,
      'idempotency-key': key,
    });
    const again = await postJson(url('/api/v1/widgets'), validWidget, {
      authorization: `Bearer ${ana}`,
      'idempotency-key': key,
    });
    assert.deepEqual([first.status, other.status, again.status], [201, 201, 201]);
    const [a, b, c] = await Promise.all([first, other, again].map((r) => jsonOf<{ id: string }>(r)));
    assert.notEqual(a.id, b.id);
    assert.equal(c.id, a.id);
    assert.equal(again.headers.get('idempotency-replayed'), 'true');
    assert.equal(other.headers.get('idempotency-replayed'), null);
  });
});
