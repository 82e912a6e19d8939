import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { statusOfCode } from '../problem/problem-status';
import { RequestValidationError } from '../validation/request-validation.error';
import { assertVersionMatches, formatETag, parseIfMatch } from './etag';
import { PreconditionFailedError } from './precondition.errors';

describe('ETag helpers', () => {
  it('formats a version as a strong ETag and reads it back from If-Match', () => {
    assert.equal(formatETag(7), '"7"');
    assert.equal(parseIfMatch(formatETag(7)), 7);
    assert.equal(parseIfMatch(' "12" '), 12);
    assert.equal(parseIfMatch(undefined), undefined);
  });

  it('refuses If-Match values that do not name exactly one version (*, weak, lists, garbage)', () => {
    for (const value of ['*', 'W/"3"', '"3", "4"', '3', '"abc"', '']) {
      assert.throws(() => parseIfMatch(value), RequestValidationError, value);
    }
  });

  it('answers 412 when the version read is not the current one', () => {
    assert.doesNotThrow(() => assertVersionMatches(4, 4));
    assert.throws(
      () => assertVersionMatches(3, 4),
      (error: unknown) =>
        error instanceof PreconditionFailedError &&
        statusOfCode(error.code) === 412 &&
        error.code === 'REQUEST.PRECONDITION_FAILED' &&
        error.context.currentVersion === 4,
    );
  });
});
