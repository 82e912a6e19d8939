import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  IDEMPOTENCY_OPTIONS,
  IdempotencyKeyRepository,
  type IdempotencyOptions,
  requestFingerprint,
} from '@tripartite/http';
import { expectEventually } from '@tripartite/testing';
import { jsonOf, postJson, type RunningWidgets, startWidgetsApp, validWidget } from './support/widgets-app';

// A service killed mid-request leaves its Idempotency-Key pending. The key stays with that request for the
// platform's request timeout (HTTP_REQUEST_TIMEOUT_MS, after which the gateway has answered 504), not for
// a fixed minute: a retry before it is refused 409, a retry after it runs (ADR 0005, issue 10).
describe('the Idempotency-Key lease follows the request timeout', () => {
  let service: RunningWidgets;

  before(async () => {
    service = await startWidgetsApp('http_idempotency_lease', {
      env: { HTTP_REQUEST_TIMEOUT_MS: '2000' },
      idempotency: { waitMs: 100, pollMs: 20 },
    });
  });
  after(async () => {
    await service?.close();
  });

  it('holds a key for HTTP_REQUEST_TIMEOUT_MS, rounded up to whole seconds', () => {
    assert.equal(service.app.get<IdempotencyOptions>(IDEMPOTENCY_OPTIONS).leaseSeconds, 2);
  });

  it('refuses a retry with 409 while the killed request’s lease runs, and runs it once the lease is over', async () => {
    const key = `killed-${process.pid}`;
    // What a request leaves behind when its process dies after claiming the key: a pending row.
    await service.app.get(IdempotencyKeyRepository).claim(
      {
        subject: 'anonymous',
        key,
        method: 'POST',
        path: '/api/v1/widgets',
        requestHash: requestFingerprint('POST', '/api/v1/widgets', validWidget),
      },
      service.app.get<IdempotencyOptions>(IDEMPOTENCY_OPTIONS),
    );
    const early = await postJson(`${service.baseUrl}/api/v1/widgets`, validWidget, {
      'idempotency-key': key,
    });
    assert.equal(early.status, 409);
    assert.equal((await jsonOf(early)).code, 'REQUEST.IDEMPOTENCY_KEY_IN_PROGRESS');

    const retried = await expectEventually(
      async () => {
        const response = await postJson(`${service.baseUrl}/api/v1/widgets`, validWidget, {
          'idempotency-key': key,
        });
        assert.equal(response.status, 201);
        return response;
      },
      { timeoutMs: 15_000, intervalMs: 250 },
    );
    assert.equal(retried.headers.get('idempotency-replayed'), null);
    // Then the answer is the key's: one more retry replays it.
    const replay = await postJson(`${service.baseUrl}/api/v1/widgets`, validWidget, {
      'idempotency-key': key,
    });
    assert.equal(replay.status, 201);
    assert.equal(replay.headers.get('idempotency-replayed'), 'true');
  });
});
