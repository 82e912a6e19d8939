import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ArgumentsHost } from '@nestjs/common';
import { UnauthorizedException } from '@nestjs/common';
import { isObservable, lastValueFrom } from 'rxjs';
import { DomainError } from './domain.error';
import { ProblemFilter } from './problem.filter';

/** A stand-in for Fastify's reply, recording what the filter sends. */
class RecordingReply {
  statusCode = 200;
  sent = false;
  headers: Record<string, string> = {};
  body: string | undefined;
  status(code: number) {
    this.statusCode = code;
    return this;
  }
  header(name: string, value: string) {
    this.headers[name.toLowerCase()] = value;
    return this;
  }
  getHeader(name: string) {
    return this.headers[name.toLowerCase()];
  }
  send(body: string) {
    this.body = body;
    this.sent = true;
    return this;
  }
}

function httpHost(reply: RecordingReply, url = '/api/v1/things?x=1'): ArgumentsHost {
  const request = { id: 'req-1', method: 'POST', url };
  return {
    getType: () => 'http',
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => reply }),
  } as unknown as ArgumentsHost;
}

describe('ProblemFilter', () => {
  it('sends the problem as application/problem+json with its status, path as instance and the request id', () => {
    const reply = new RecordingReply();
    new ProblemFilter().catch(new DomainError('REQUEST.CONFLICT', 'Locked'), httpHost(reply));
    assert.equal(reply.statusCode, 409);
    assert.equal(reply.headers['content-type'], 'application/problem+json; charset=utf-8');
    const body = JSON.parse(reply.body ?? '{}');
    assert.equal(body.code, 'REQUEST.CONFLICT');
    assert.equal(body.instance, '/api/v1/things');
    assert.equal(body.requestId, 'req-1');
  });

  it('asks for a bearer token on 401 (RFC 6750 §3)', () => {
    const reply = new RecordingReply();
    new ProblemFilter().catch(new UnauthorizedException(), httpHost(reply));
    assert.equal(reply.statusCode, 401);
    assert.equal(reply.headers['www-authenticate'], 'Bearer');
  });

  it('leaves a reply already sent alone', () => {
    const reply = new RecordingReply();
    reply.sent = true;
    new ProblemFilter().catch(new Error('late'), httpHost(reply));
    assert.equal(reply.body, undefined);
  });

  it('hands errors of non-HTTP contexts (event consumers) back to their own error path', async () => {
    const host = { getType: () => 'rpc' } as unknown as ArgumentsHost;
    const error = new Error('handler failed');
    const result = new ProblemFilter().catch(error, host);
    assert.ok(isObservable(result));
    await assert.rejects(lastValueFrom(result), error);
  });
});
