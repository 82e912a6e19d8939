import { setTimeout as sleep } from 'node:timers/promises';
import {
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { currentContext } from '@tripartite/context';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { catchError, from, mergeMap, type Observable, of, throwError } from 'rxjs';
import { MetricsRegistry } from '../metrics/metrics.registry';
import { RequestValidationError } from '../validation/request-validation.error';
import {
  IdempotencyKeyInProgressError,
  IdempotencyKeyMissingError,
  IdempotencyKeyReusedError,
} from './idempotency.errors';
import { IDEMPOTENCY_OPTIONS, type IdempotencyOptions } from './idempotency.options';
import {
  IdempotencyKeyRepository,
  type IdempotencyScope,
  type StoredAnswer,
} from './idempotency-key.repository';
import { IDEMPOTENT_ROUTE, type IdempotentOptions } from './idempotent.decorator';
import { requestFingerprint } from './request-fingerprint';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const IDEMPOTENCY_REPLAYED_HEADER = 'idempotency-replayed';
const KEY_FORMAT = /^[\x21-\x7e]{1,255}$/;
/** Headers of the first answer that a replay must carry too. */
const REPLAYED_HEADERS = ['location', 'etag'];

type Outcome = 'executed' | 'replayed' | 'waited' | 'reused' | 'in_progress';

/** Applies `Idempotency-Key` to routes marked `@Idempotent()` (or to every POST, when so configured). */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly outcomes;

  constructor(
    private readonly reflector: Reflector,
    private readonly keys: IdempotencyKeyRepository,
    @Inject(IDEMPOTENCY_OPTIONS) private readonly options: IdempotencyOptions,
    metrics: MetricsRegistry,
  ) {
    this.outcomes = metrics.counter({
      name: 'http_idempotency_requests_total',
      help: 'Requests carrying an Idempotency-Key, by outcome',
      labelNames: ['outcome'],
    });
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const route = this.reflector.getAllAndOverride<IdempotentOptions | undefined>(IDEMPOTENT_ROUTE, [
      context.getHandler(),
      context.getClass(),
    ]);
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (!route && !(this.options.allPosts && request.method === 'POST')) return next.handle();

    const key = request.headers[IDEMPOTENCY_KEY_HEADER];
    if (key === undefined) {
      if (route?.required) throw new IdempotencyKeyMissingError();
      return next.handle();
    }
    if (typeof key !== 'string' || !KEY_FORMAT.test(key)) {
      throw new RequestValidationError('headers', [
        { field: 'Idempotency-Key', rule: 'format', message: 'must be 1 to 255 visible ASCII characters' },
      ]);
    }
    const scope: IdempotencyScope = {
      subject: currentContext()?.actor?.subject ?? 'anonymous',
      key,
      method: request.method,
      path: request.url,
      requestHash: requestFingerprint(request.method, request.url, request.body),
    };
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return from(this.claim(scope)).pipe(
      mergeMap((claim) => {
        if (claim.outcome === 'replay') return of(this.replay(reply, claim.answer));
        return next.handle().pipe(
          mergeMap(async (body: unknown) => {
            await this.keys.complete(scope, { status: reply.statusCode, body, headers: keptHeaders(reply) });
            this.count('executed');
            return body;
          }),
          catchError((error: unknown) =>
            from(this.keys.release(scope)).pipe(mergeMap(() => throwError(() => error))),
          ),
        );
      }),
    );
  }

  /** Claims the key, or waits while another request holds it, until it answers or the wait is over. */
  private async claim(scope: IdempotencyScope) {
    const timings = { ttlSeconds: this.options.ttlSeconds, leaseSeconds: this.options.leaseSeconds };
    const giveUpAt = Date.now() + this.options.waitMs;
    let waited = false;
    for (;;) {
      const claim = await this.keys.claim(scope, timings);
      if (claim.outcome === 'reused') {
        this.count('reused');
        throw new IdempotencyKeyReusedError();
      }
      if (claim.outcome !== 'pending') return claim;
      if (!waited) this.count('waited');
      waited = true;
      if (Date.now() >= giveUpAt) {
        this.count('in_progress');
        throw new IdempotencyKeyInProgressError();
      }
      await sleep(this.options.pollMs);
    }
  }

  private replay(reply: FastifyReply, answer: StoredAnswer): unknown {
    this.count('replayed');
    reply.status(answer.status);
    for (const [name, value] of Object.entries(answer.headers)) reply.header(name, value);
    reply.header(IDEMPOTENCY_REPLAYED_HEADER, 'true');
    return answer.body;
  }

  private count(outcome: Outcome): void {
    this.outcomes.inc({ outcome });
  }
}

function keptHeaders(reply: FastifyReply): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = reply.getHeader(name);
    if (value !== undefined) kept[name] = String(value);
  }
  return kept;
}
