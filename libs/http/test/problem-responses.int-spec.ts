import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  assertProblem,
  jsonOf,
  type ProblemBody,
  postJson,
  validWidget,
  withWidgetsApp,
} from './support/widgets-app';

describe('error answers are RFC 9457 problems', () => {
  const url = withWidgetsApp('http_problems');

  it('answers 400 application/problem+json naming each bad field of the body (RFC 9457)', async () => {
    const response = await postJson(url('/api/v1/widgets'), {
      name: 'x',
      contacts: [{ email: 'ana@example.org', name: 'Ana' }, { email: 'not-an-email' }],
      colour: 'red',
    });
    const problem = await assertProblem(response, 400);
    assert.equal(problem.code, 'REQUEST.INVALID');
    assert.equal(problem.title, 'Bad Request');
    assert.equal(problem.instance, '/api/v1/widgets');
    assert.equal(typeof problem.type, 'string');
    assert.equal(typeof problem.detail, 'string');
    const byField = Object.fromEntries((problem.errors ?? []).map((e) => [e.field, e.rule]));
    assert.deepEqual(byField, {
      name: 'min',
      'contacts[1].email': 'email',
      'contacts[1].name': 'required',
      colour: 'unknown',
    });
    for (const error of problem.errors ?? []) assert.ok(error.message.length > 0);
  });

  it('validates the query string and the path parameters the same way', async () => {
    const query = await fetch(url('/api/v1/widgets?limit=1000'));
    assert.equal(query.status, 400);
    assert.deepEqual(
      (await jsonOf(query)).errors?.map((e) => e.field),
      ['limit'],
    );
    const path = await fetch(url('/api/v1/widgets/not-a-uuid'));
    assert.equal(path.status, 400);
    const problem = await jsonOf(path);
    assert.equal(problem.errors?.[0]?.field, 'id');
    assert.equal(problem.errors?.[0]?.rule, 'uuid');
  });

  it('answers malformed JSON with a 400 problem, not a crash', async () => {
    const response = await fetch(url('/api/v1/widgets'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name": ',
    });
    assert.equal((await assertProblem(response, 400)).code, 'REQUEST.INVALID');
  });

  it('maps a domain error to its status and code (DomainError with a status)', async () => {
    const response = await fetch(url('/api/v1/widgets/0196a1b2-0000-7000-8000-000000000000'));
    const problem = await assertProblem(response, 404);
    assert.equal(problem.code, 'WIDGET.NOT_FOUND');
    assert.equal(problem.detail, 'No widget 0196a1b2-0000-7000-8000-000000000000');
  });

  it('maps a plain error class carrying a code, without a status, to 422', async () => {
    const response = await postJson(url('/api/v1/widgets/0196a1b2-0000-7000-8000-000000000000/freeze'), {});
    assert.equal(response.status, 422);
    const problem = await jsonOf(response);
    assert.equal(problem.code, 'WIDGET.FROZEN');
    assert.equal(problem.detail, 'A frozen widget cannot be changed');
  });

  it('answers an unexpected error with 500 and no internals', async () => {
    const response = await fetch(url('/api/v1/widgets/boom'));
    assert.equal(response.status, 500);
    assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
    const text = await response.text();
    assert.doesNotMatch(text, /s3cret|postgres|stack/i);
    const problem = JSON.parse(text) as ProblemBody;
    assert.equal(problem.code, 'INTERNAL.ERROR');
    assert.equal(problem.requestId, response.headers.get('x-request-id'));
  });

  it('answers an unknown route with a 404 problem', async () => {
    const response = await fetch(url('/api/v1/nothing-here'));
    assert.equal((await assertProblem(response, 404)).code, 'REQUEST.NOT_FOUND');
  });

  it('echoes X-Request-Id and X-Correlation-Id and puts them in the request context of the handler', async () => {
    const response = await postJson(
      url('/api/v1/context'),
      { note: 'after body parsing' },
      { 'x-request-id': 'req-123', 'x-correlation-id': 'corr-456' },
    );
    assert.equal(response.status, 201);
    assert.equal(response.headers.get('x-request-id'), 'req-123');
    assert.equal(response.headers.get('x-correlation-id'), 'corr-456');
    assert.deepEqual(await jsonOf<object>(response), { requestId: 'req-123', correlationId: 'corr-456' });
  });

  it('generates a request id when absent (or unusable) and uses it as the correlation id', async () => {
    const response = await postJson(
      url('/api/v1/context'),
      { note: 'x' },
      { 'x-request-id': 'bad id\twith tab' },
    );
    const requestId = response.headers.get('x-request-id') ?? '';
    assert.match(requestId, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);
    assert.equal(response.headers.get('x-correlation-id'), requestId);
    assert.deepEqual(await jsonOf<object>(response), { requestId, correlationId: requestId });
  });

  it('creates a valid widget (the happy path the 400s are measured against)', async () => {
    const response = await postJson(url('/api/v1/widgets'), validWidget);
    assert.equal(response.status, 201);
    assert.equal((await jsonOf<{ name: string }>(response)).name, 'Sprocket');
  });
});
