import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalJson, requestFingerprint } from './request-fingerprint';

describe('requestFingerprint', () => {
  it('is the same for the same body whatever the order of its keys, at any depth', () => {
    assert.equal(
      canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: 2 } }),
      '{"a":{"c":2,"d":[1,{"y":2,"z":1}]},"b":1}',
    );
    assert.equal(
      requestFingerprint('POST', '/x', { a: 1, b: 2 }),
      requestFingerprint('POST', '/x', { b: 2, a: 1 }),
    );
  });

  it('differs when the method, the path (with query) or the body differs', () => {
    const base = requestFingerprint('POST', '/x', { a: 1 });
    assert.notEqual(requestFingerprint('PUT', '/x', { a: 1 }), base);
    assert.notEqual(requestFingerprint('POST', '/x?y=1', { a: 1 }), base);
    assert.notEqual(requestFingerprint('POST', '/x', { a: 2 }), base);
    assert.notEqual(requestFingerprint('POST', '/x', [1, 2]), requestFingerprint('POST', '/x', [2, 1]));
  });
});
