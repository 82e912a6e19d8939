import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BadRequestException, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { DomainError } from './domain.error';
import { ProblemException } from './problem.exception';
import { toProblem, UNEXPECTED_DETAIL } from './problem.mapping';

class PlainDomainError extends Error {
  readonly code = 'CPOM.DURATION_EXCEEDED';
}
class PlainNotFound extends Error {
  readonly code = 'AGREEMENT.NOT_FOUND';
}
class PlainUnauthenticated extends Error {
  readonly code = 'AUTH.UNAUTHENTICATED';
}

describe('toProblem', () => {
  it('maps a DomainError by its code (one table), with its field, rule and context', () => {
    const { problem, unexpected } = toProblem(
      new DomainError('AGREEMENT.OPINION_MISSING', 'No opinion yet', {
        rule: 'D.4622-48',
        context: { agreementVersion: 2 },
      }),
      '/api/v1/agreements/1/decision',
    );
    assert.equal(unexpected, false);
    assert.deepEqual(problem, {
      type: 'urn:tripartite:problem:agreement.opinion_missing',
      title: 'Conflict',
      status: 409,
      detail: 'No opinion yet',
      code: 'AGREEMENT.OPINION_MISSING',
      instance: '/api/v1/agreements/1/decision',
      rule: 'D.4622-48',
      agreementVersion: 2,
    });
    const invalid = toProblem(
      new DomainError('AGREEMENT.DATE_INVALID', 'withdrawnOn is in the future', {
        field: 'withdrawnOn',
        rule: 'a recorded fact has happened',
      }),
      '/x',
    ).problem;
    assert.equal(invalid.status, 422);
    assert.equal(invalid.field, 'withdrawnOn');
  });

  it('hides the message of a code mapped to 500 (a programming error of ours)', () => {
    const { problem, unexpected } = toProblem(new DomainError('EVENT.INVALID', 'payload.secret: bad'), '/x');
    assert.equal(unexpected, true);
    assert.equal(problem.status, 500);
    assert.equal(problem.code, 'INTERNAL.ERROR');
    assert.doesNotMatch(JSON.stringify(problem), /secret/);
  });

  it('maps any Error with an AREA.REASON code and no status to 422 (a broken business rule)', () => {
    const { problem } = toProblem(new PlainDomainError('too long'), '/x');
    assert.equal(problem.status, 422);
    assert.equal(problem.code, 'CPOM.DURATION_EXCEEDED');
    assert.equal(problem.detail, 'too long');
  });

  it('gives codes ending in NOT_FOUND and UNAUTHENTICATED their HTTP meaning when no status is stated', () => {
    assert.equal(toProblem(new PlainNotFound('none'), '/x').problem.status, 404);
    assert.equal(toProblem(new PlainUnauthenticated('no token'), '/x').problem.status, 401);
  });

  it('does not take a driver error code (23505, ECONNRESET) for a domain code: 500 without internals', () => {
    const driver = Object.assign(new Error('duplicate key value violates unique constraint "secret_idx"'), {
      code: '23505',
    });
    const { problem, unexpected } = toProblem(driver, '/x');
    assert.equal(unexpected, true);
    assert.equal(problem.status, 500);
    assert.equal(problem.code, 'INTERNAL.ERROR');
    assert.equal(problem.detail, UNEXPECTED_DETAIL);
    assert.doesNotMatch(JSON.stringify(problem), /secret_idx|23505/);
  });

  it('keeps a problem body an HttpException already carries', () => {
    const exception = new ProblemException({ status: 409, code: 'X.Y', detail: 'd', extra: 1 });
    const { problem } = toProblem(exception, '/here');
    assert.equal(problem.code, 'X.Y');
    assert.equal(problem.extra, 1);
    assert.equal(problem.instance, '/here');
  });

  it('turns a plain Nest HttpException into a problem with a code by status', () => {
    assert.deepEqual(toProblem(new NotFoundException('Cannot GET /nope'), '/nope').problem, {
      type: 'urn:tripartite:problem:request.not_found',
      title: 'Not Found',
      status: 404,
      detail: 'Cannot GET /nope',
      code: 'REQUEST.NOT_FOUND',
      instance: '/nope',
    });
    assert.equal(toProblem(new UnauthorizedException(), '/x').problem.code, 'AUTH.UNAUTHENTICATED');
    assert.equal(
      toProblem(new BadRequestException(['a is bad', 'b is bad']), '/x').problem.detail,
      'a is bad; b is bad',
    );
  });

  it("maps Fastify's own refusals (malformed JSON) to their 4xx status", () => {
    const error = Object.assign(new SyntaxError('Unexpected end of JSON input'), {
      code: 'FST_ERR_CTP_INVALID_JSON_BODY',
      statusCode: 400,
    });
    const { problem, unexpected } = toProblem(error, '/x');
    assert.equal(unexpected, false);
    assert.equal(problem.status, 400);
    assert.equal(problem.code, 'REQUEST.INVALID');
  });

  it('hides the message of an unknown error', () => {
    const { problem, unexpected } = toProblem(
      new TypeError("Cannot read properties of undefined (reading 'x')"),
      '/x',
    );
    assert.equal(unexpected, true);
    assert.equal(problem.detail, UNEXPECTED_DETAIL);
    assert.equal(toProblem('a string was thrown', '/x').problem.status, 500);
  });

  it('answers 503 to a deadlock or a serialization failure of PostgreSQL: nothing was written, send it again', () => {
    for (const code of ['40P01', '40001']) {
      const driverError = Object.assign(new Error('deadlock detected'), { code });
      const { problem, unexpected } = toProblem(driverError, '/api/v1/cpoms/1/indicators/2/measurements');
      assert.equal(unexpected, false);
      assert.equal(problem.status, 503);
      assert.equal(problem.code, 'SERVICE.CONTENDED');
      assert.doesNotMatch(problem.detail ?? '', /deadlock/, 'the driver’s message stays inside');
    }
    assert.equal(toProblem(Object.assign(new Error('x'), { code: '23505' }), '/x').problem.status, 500);
  });
});
