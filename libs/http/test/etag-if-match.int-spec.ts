import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { jsonOf, postJson, type RunningWidgets, startWidgetsApp, validWidget } from './support/widgets-app';

interface WidgetBody {
  id: string;
  name: string;
  version: number;
}

describe('ETag and If-Match (optimistic concurrency, RFC 9110 §13.1.1)', () => {
  let service: RunningWidgets;
  let widget: WidgetBody;
  const widgetUrl = () => `${service.baseUrl}/api/v1/widgets/${widget.id}`;
  const rename = (name: string, headers: Record<string, string>) =>
    fetch(widgetUrl(), {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ name }),
    });

  before(async () => {
    service = await startWidgetsApp('http_etag');
    widget = await jsonOf<WidgetBody>(await postJson(`${service.baseUrl}/api/v1/widgets`, validWidget));
  });
  after(async () => {
    await service?.close();
  });

  it('returns the version as a strong ETag on reads', async () => {
    const response = await fetch(widgetUrl());
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('etag'), '"1"');
  });

  it('applies a change naming the current version and returns the new ETag', async () => {
    const etag = (await fetch(widgetUrl())).headers.get('etag') ?? '';
    const response = await rename('Renamed', { 'if-match': etag });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('etag'), '"2"');
    assert.equal((await jsonOf<WidgetBody>(response)).version, 2);
  });

  it('refuses a change naming a stale version with 412 REQUEST.PRECONDITION_FAILED, changing nothing', async () => {
    const before = await jsonOf<WidgetBody>(await fetch(widgetUrl()));
    const response = await rename('Lost update', { 'if-match': `"${before.version - 1}"` });
    assert.equal(response.status, 412);
    assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
    const problem = await jsonOf(response);
    assert.equal(problem.code, 'REQUEST.PRECONDITION_FAILED');
    assert.equal(problem.currentVersion, before.version);
    const after = await jsonOf<WidgetBody>(await fetch(widgetUrl()));
    assert.deepEqual(after, before);
  });

  it('refuses a change without If-Match with 428 REQUEST.PRECONDITION_REQUIRED', async () => {
    const response = await rename('Blind write', {});
    assert.equal(response.status, 428);
    assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
    assert.equal((await jsonOf(response)).code, 'REQUEST.PRECONDITION_REQUIRED');
  });

  it('refuses an If-Match that names no single version of ours with a 400 naming the header', async () => {
    for (const value of ['*', 'W/"1"', '"1", "2"', 'abc']) {
      const response = await rename('Whatever', { 'if-match': value });
      assert.equal(response.status, 400, value);
      assert.equal((await jsonOf(response)).errors?.[0]?.field, 'If-Match');
    }
  });
});
