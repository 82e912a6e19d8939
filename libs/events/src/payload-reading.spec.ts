import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { defineEvent, nextVersion } from './event-definition';
import { readPayload, readsVersion } from './payload-reading';

// An event in three versions: v1 { name }, v2 { fullName } (renamed), v3 { fullName, region } (required).
const v1 = defineEvent('test.renamed', 1, z.object({ name: z.string().min(1) }), 'v1');
const v2 = nextVersion(v1, z.object({ fullName: z.string().min(1) }), (p) => ({ fullName: p.name }));
const v3 = nextVersion(v2, z.object({ fullName: z.string(), region: z.string().nullable() }), (p) => ({
  ...p,
  region: null,
}));

describe('reading a payload of any version as the current one (ADR 0011)', () => {
  it('numbers versions one step apart and keeps the earlier ones, oldest first', () => {
    assert.equal(v3.version, 3);
    assert.deepEqual(
      v3.earlier.map((step) => step.version),
      [1, 2],
    );
    assert.equal(v3.description, 'v1');
    assert.equal(v1.earlier.length, 0);
  });

  it('reads the current version as it is', () => {
    assert.deepEqual(readPayload(v3, 3, { fullName: 'Anne', region: '53' }), {
      ok: true,
      payload: { fullName: 'Anne', region: '53' },
    });
  });

  it('upcasts an earlier version one step at a time', () => {
    assert.deepEqual(readPayload(v3, 1, { name: 'Anne' }), {
      ok: true,
      payload: { fullName: 'Anne', region: null },
    });
    assert.deepEqual(readPayload(v3, 2, { fullName: 'Anne' }), {
      ok: true,
      payload: { fullName: 'Anne', region: null },
    });
  });

  it('checks an earlier payload against its own version, not the current one', () => {
    const read = readPayload(v3, 1, { fullName: 'Anne' });
    assert.equal(read.ok, false);
    assert.match(!read.ok ? read.reason : '', /^invalid payload: name /);
  });

  it('refuses a newer version than it reads, naming it, so the message waits for an upgrade', () => {
    const read = readPayload(v2, 3, { fullName: 'Anne', region: '53' });
    assert.deepEqual(read, {
      ok: false,
      newerVersion: 3,
      reason:
        'test.renamed version 3 is newer than this consumer reads (up to 2): parked until it is upgraded',
    });
  });

  it('refuses a version it no longer reads, without waiting for anything', () => {
    const dropped = { ...v3, earlier: v3.earlier.slice(1) };
    const read = readPayload(dropped, 1, { name: 'Anne' });
    assert.deepEqual(read, { ok: false, reason: 'test.renamed version 1 is no longer read (reads 2, 3)' });
    assert.equal(readsVersion(dropped, 1), false);
    assert.equal(readsVersion(dropped, 2), true);
    assert.equal(readsVersion(dropped, 3), true);
    assert.equal(readsVersion(dropped, 4), false);
  });

  it('says which step failed when an upcaster throws or gives an invalid payload', () => {
    const throwing = nextVersion(v1, z.object({ fullName: z.string() }), () => {
      throw new Error('no name to split');
    });
    const read = readPayload(throwing, 1, { name: 'Anne' });
    assert.deepEqual(read, { ok: false, reason: 'upcasting test.renamed v1 to v2 failed: no name to split' });

    const wrong = nextVersion(v1, z.object({ fullName: z.string() }), () => ({ fullName: 42 }) as never);
    const invalid = readPayload(wrong, 1, { name: 'Anne' });
    assert.equal(invalid.ok, false);
    assert.match(
      !invalid.ok ? invalid.reason : '',
      /^upcasting test.renamed v1 to v2 gave an invalid payload: fullName /,
    );
  });
});
