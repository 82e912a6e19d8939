import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DataSource } from 'typeorm';
import { assertProblem, postJson, validWidget, withWidgetsApp } from './support/widgets-app';

// What a fuzzer sends: every refusal is a 4xx application/problem+json (RFC 9457) naming what is wrong,
// and nothing reaches the database.
describe('hostile input on a service', () => {
  let db: DataSource;
  const countWidgets = async () => Number((await db.query('SELECT count(*)::int AS n FROM widgets'))[0].n);

  const url = withWidgetsApp('http_hostile', {}, (service) => {
    db = service.app.get(DataSource);
  });

  it('refuses a NUL character in any body string with 400 naming the field and the rule "text", writing nothing (platform rule)', async () => {
    const before = await countWidgets();
    const response = await postJson(url('/api/v1/widgets'), {
      ...validWidget,
      contacts: [{ email: 'ana@example.org', name: 'A\u0000na' }],
    });
    const body = await assertProblem(response, 400);
    assert.deepEqual(
      body.errors?.map((e) => `${e.field}:${e.rule}`),
      ['contacts[0].name:text'],
    );
    assert.equal(await countWidgets(), before);
  });

  it('refuses a lone UTF-16 surrogate, which JSON can spell but no text holds (platform rule)', async () => {
    const before = await countWidgets();
    const response = await fetch(url('/api/v1/widgets'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name":"\\ud800ab","contacts":[{"email":"ana@example.org","name":"Ana"}]}',
    });
    const body = await assertProblem(response, 400);
    assert.deepEqual(
      body.errors?.map((e) => `${e.field}:${e.rule}`),
      ['name:text'],
    );
    assert.equal(await countWidgets(), before);
  });

  it('refuses a NUL character in the query string and in a path parameter (platform rule)', async () => {
    const query = await assertProblem(await fetch(url('/api/v1/widgets?limit=%00')), 400);
    assert.deepEqual(
      query.errors?.map((e) => `${e.field}:${e.rule}`),
      ['limit:text'],
    );
    const path = await assertProblem(await fetch(url('/api/v1/widgets/%00')), 400);
    assert.deepEqual(
      path.errors?.map((e) => `${e.field}:${e.rule}`),
      ['id:text'],
    );
  });

  it('refuses JSON in another charset than UTF-8 with 415 instead of misreading it (RFC 8259 §8.1)', async () => {
    const before = await countWidgets();
    const response = await fetch(url('/api/v1/widgets'), {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-16' },
      body: Buffer.from(JSON.stringify(validWidget), 'utf16le'),
    });
    const body = await assertProblem(response, 415);
    assert.equal(body.code, 'REQUEST.UNSUPPORTED_MEDIA_TYPE');
    assert.equal(await countWidgets(), before);
    // The same body declared as UTF-8 in any spelling is read.
    const utf8 = await fetch(url('/api/v1/widgets'), {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset="UTF-8"' },
      body: JSON.stringify(validWidget),
    });
    assert.equal(utf8.status, 201);
  });

  it('refuses a form body with 415: the API speaks JSON only (platform rule)', async () => {
    const response = await fetch(url('/api/v1/widgets'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'name=Sprocket',
    });
    await assertProblem(response, 415);
  });

  it('refuses JSON nested deeper than 32 levels with 400 (root) rule "depth", without overflowing the stack', async () => {
    const response = await fetch(url('/api/v1/widgets'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `${'['.repeat(50_000)}${']'.repeat(50_000)}`,
    });
    const body = await assertProblem(response, 400);
    assert.deepEqual(
      body.errors?.map((e) => `${e.field}:${e.rule}`),
      ['(root):depth'],
    );
  });

  it("answers a 5,000-character path id and an undecodable path with problems, not the router's own JSON", async () => {
    const long = await assertProblem(await fetch(url(`/api/v1/widgets/${'a'.repeat(5000)}`)), 414);
    assert.equal(long.code, 'REQUEST.PATH_TOO_LONG');
    assert.ok(JSON.stringify(long).length < 1000, 'the answer does not echo the whole path');
    const bad = await assertProblem(await fetch(url('/api/v1/widgets/%E0%A4%A')), 400);
    assert.equal(bad.code, 'REQUEST.BAD_PATH');
  });
});
