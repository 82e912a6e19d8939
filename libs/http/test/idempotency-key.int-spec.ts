import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { MetricsRegistry, requestFingerprint } from '@tripartite/http';
import { expectEventually } from '@tripartite/testing';
import { DataSource } from 'typeorm';
import { WidgetGate } from './support/widgets.module';
import { jsonOf, postJson, type RunningWidgets, startWidgetsApp, validWidget } from './support/widgets-app';

interface WidgetBody {
  id: string;
  name: string;
  version: number;
}

describe('Idempotency-Key on POST', () => {
  let service: RunningWidgets;
  let db: DataSource;
  let gate: WidgetGate;
  const widgetsUrl = () => `${service.baseUrl}/api/v1/widgets`;
  const countWidgets = async () => Number((await db.query('SELECT count(*)::int AS n FROM widgets'))[0].n);
  let keySeq = 0;
  const newKey = () => `key-${process.pid}-${++keySeq}`;

  before(async () => {
    service = await startWidgetsApp('http_idempotency', { idempotency: { waitMs: 20_000 } });
    db = service.app.get(DataSource);
    gate = service.app.get(WidgetGate);
  });
  after(async () => {
    await service?.close();
  });
  beforeEach(() => {
    gate.open();
    gate.entered = 0;
  });

  it('replays the first answer to a repeated key and creates nothing more', async () => {
    const key = newKey();
    const first = await postJson(widgetsUrl(), validWidget, { 'idempotency-key': key });
    assert.equal(first.status, 201);
    assert.equal(first.headers.get('idempotency-replayed'), null);
    const firstBody = await first.text();
    const rowsAfterFirst = await countWidgets();

    const repeat = await postJson(widgetsUrl(), validWidget, { 'idempotency-key': key });
    assert.equal(repeat.status, 201);
    assert.equal(repeat.headers.get('idempotency-replayed'), 'true');
    assert.equal(await repeat.text(), firstBody);
    assert.equal(await countWidgets(), rowsAfterFirst);
    assert.equal(gate.entered, 1);
  });

  it('treats the same body with its keys in another order as the same request', async () => {
    const key = newKey();
    await postJson(
      widgetsUrl(),
      { name: 'Gear', contacts: validWidget.contacts },
      { 'idempotency-key': key },
    );
    const repeat = await postJson(
      widgetsUrl(),
      { contacts: validWidget.contacts, name: 'Gear' },
      { 'idempotency-key': key },
    );
    assert.equal(repeat.status, 201);
    assert.equal(repeat.headers.get('idempotency-replayed'), 'true');
  });

  it('refuses the same key with a different body with 422 REQUEST.IDEMPOTENCY_KEY_REUSED and changes nothing', async () => {
    const key = newKey();
    await postJson(widgetsUrl(), validWidget, { 'idempotency-key': key });
    const before = await countWidgets();
    const reused = await postJson(
      widgetsUrl(),
      { ...validWidget, name: 'Other' },
      { 'idempotency-key': key },
    );
    assert.equal(reused.status, 422);
    assert.match(reused.headers.get('content-type') ?? '', /^application\/problem\+json/);
    assert.equal((await jsonOf(reused)).code, 'REQUEST.IDEMPOTENCY_KEY_REUSED');
    assert.equal(await countWidgets(), before);
  });

  it('runs concurrent duplicates once: the repeats wait for the first answer and replay it', async () => {
    const key = newKey();
    const before = await countWidgets();
    const metrics = service.app.get(MetricsRegistry);
    const waitedSoFar = async () => {
      const metric = metrics.registry.getSingleMetric('http_idempotency_requests_total');
      const values = (await metric?.get())?.values ?? [];
      return values.find((v) => v.labels.outcome === 'waited')?.value ?? 0;
    };
    const waitedBefore = await waitedSoFar();
    gate.close();
    const responses = Array.from({ length: 5 }, () =>
      postJson(widgetsUrl(), validWidget, { 'idempotency-key': key }),
    );
    // The first request is inside the handler and the four others are waiting on its key.
    await expectEventually(async () => {
      assert.equal(gate.entered, 1);
      assert.equal((await waitedSoFar()) - waitedBefore, 4);
    });
    gate.open();
    const answers = await Promise.all(responses);
    const bodies = await Promise.all(answers.map((r) => jsonOf<WidgetBody>(r)));
    assert.deepEqual(
      answers.map((r) => r.status),
      [201, 201, 201, 201, 201],
    );
    assert.equal(new Set(bodies.map((b) => b.id)).size, 1);
    assert.equal(answers.filter((r) => r.headers.get('idempotency-replayed') === 'true').length, 4);
    assert.equal(gate.entered, 1);
    assert.equal(await countWidgets(), before + 1);
  });

  it('frees the key when the request fails, so a corrected retry with the same key runs', async () => {
    const key = newKey();
    const invalid = await postJson(widgetsUrl(), { name: 'x' }, { 'idempotency-key': key });
    assert.equal(invalid.status, 400);
    const corrected = await postJson(widgetsUrl(), validWidget, { 'idempotency-key': key });
    assert.equal(corrected.status, 201);
    assert.equal(corrected.headers.get('idempotency-replayed'), null);
  });

  it('runs the request again once the stored answer has expired', async () => {
    const key = newKey();
    const first = await jsonOf<WidgetBody>(
      await postJson(widgetsUrl(), validWidget, { 'idempotency-key': key }),
    );
    await db.query("UPDATE idempotency_keys SET expires_at = now() - interval '1 second' WHERE key = $1", [
      key,
    ]);
    const again = await postJson(widgetsUrl(), validWidget, { 'idempotency-key': key });
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotency-replayed'), null);
    assert.notEqual((await jsonOf<WidgetBody>(again)).id, first.id);
  });

  it('takes over a key left pending by a process that died, once its lease is over', async () => {
    const key = newKey();
    await db.query(
      `INSERT INTO idempotency_keys (subject, key, method, path, request_hash, state, locked_until, expires_at)
       VALUES ('anonymous', $1, 'POST', '/api/v1/widgets', $2, 'pending', now() - interval '1 second', now() + interval '1 hour')`,
      [key, requestFingerprint('POST', '/api/v1/widgets', validWidget)],
    );
    const response = await postJson(widgetsUrl(), validWidget, { 'idempotency-key': key });
    assert.equal(response.status, 201);
    const [row] = await db.query('SELECT state FROM idempotency_keys WHERE key = $1', [key]);
    assert.equal(row.state, 'completed');
  });

  it('executes every POST without a key (the header is opt-in for the client)', async () => {
    const before = await countWidgets();
    await postJson(widgetsUrl(), validWidget);
    await postJson(widgetsUrl(), validWidget);
    assert.equal(await countWidgets(), before + 2);
  });

  it('refuses an unusable key with a 400 naming the header', async () => {
    const response = await postJson(widgetsUrl(), validWidget, { 'idempotency-key': 'x'.repeat(300) });
    assert.equal(response.status, 400);
    assert.equal((await jsonOf(response)).errors?.[0]?.field, 'Idempotency-Key');
  });
});
