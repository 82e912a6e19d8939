import { Readable } from 'node:stream';
import httpProxy from '@fastify/http-proxy';
import rateLimit from '@fastify/rate-limit';
import {
  type AuthenticatedActor,
  AuthenticationError,
  bearerToken,
  type TokenVerifier,
  VerifierUnavailableError,
} from '@tripartite/auth';
import { defaultCodeForStatus } from '@tripartite/http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import { problem, sendProblem } from '../problem/problem';
import { safeHeaderId } from '../request-id';
import type { RouteMatcher } from './route-matcher';
import type { ServiceName } from './route-table';

export interface ProxyPluginOptions {
  verifier: TokenVerifier;
  matcher: RouteMatcher;
  upstreams: Record<ServiceName, string>;
  rateLimit: { max: number; windowMs: number; redis?: Redis; redisKeyPrefix: string };
  upstreamTimeoutMs: number;
  /** Largest body forwarded; a larger one is answered 413 here and never reaches a service. */
  bodyLimitBytes: number;
}

/** The public API prefix: every request under it is authenticated, rate-limited and proxied. */
export const API_PREFIX = '/api/v1';

/**
 * The edge of the platform, as one Fastify plugin around `/api/v1`. For each request, in this order:
 * 1. verify the bearer token (libs/auth; the service verifies it again: the gateway is not a trust boundary);
 * 2. count the request against its client — the token's subject, else the IP address — and answer 429 past
 *    the limit (counted before refusing a bad token, so a flood of bad tokens is limited too);
 * 3. answer 401 to a missing or bad token, 404 to a path no service owns;
 * 4. read the body whole, up to `bodyLimitBytes` (413 past it, whether Content-Length announced it or a
 *    chunked body grew past it): a service never receives a body it would cut short, so the gateway never
 *    races a service that answered early and closed, and no half-sent upstream connection is left behind;
 * 5. forward to the owning service with the caller's headers (Authorization, Idempotency-Key, If-Match…)
 *    plus request and correlation ids, and relay its answer (ETag included); 502/504 if it cannot answer.
 */
export async function proxyPlugin(scope: FastifyInstance, options: ProxyPluginOptions): Promise<void> {
  const actors = new WeakMap<FastifyRequest, AuthenticatedActor>();
  const upstreamOf = new WeakMap<FastifyRequest, { service: ServiceName; url: string }>();
  const bodyLengthOf = new WeakMap<FastifyRequest, number>();

  // Every media type is read as bytes and forwarded untouched (the service judges it: a charset, a type it
  // refuses), but only once it is all here and within the limit.
  const readWhole = (
    request: FastifyRequest,
    body: string | Buffer,
    done: (error: Error | null, value?: unknown) => void,
  ) => {
    const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body);
    bodyLengthOf.set(request, bytes.length);
    done(null, Readable.from([bytes]));
  };
  for (const type of ['application/json', '*']) {
    scope.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: options.bodyLimitBytes }, readWhole);
  }

  await scope.register(rateLimit, {
    global: false,
    max: options.rateLimit.max,
    timeWindow: options.rateLimit.windowMs,
    // Redis keeps one count for all the gateway's replicas; if it is down, requests pass (fail open).
    ...(options.rateLimit.redis
      ? { redis: options.rateLimit.redis, nameSpace: options.rateLimit.redisKeyPrefix, skipOnError: true }
      : {}),
    keyGenerator: (request: FastifyRequest) => {
      const actor = actors.get(request);
      return actor ? `sub:${actor.subject}` : `ip:${request.ip}`;
    },
  });
  const limiter = scope.createRateLimit();

  scope.addHook('onRequest', async (request, reply) => {
    let authFailure: unknown;
    try {
      actors.set(request, await options.verifier.verify(bearerToken(request.headers.authorization)));
    } catch (error) {
      authFailure = error;
    }

    const limit = await limiter(request);
    if (!limit.isAllowed) {
      reply.header('x-ratelimit-limit', limit.max);
      reply.header('x-ratelimit-remaining', limit.remaining);
      reply.header('x-ratelimit-reset', limit.ttlInSeconds);
      if (limit.isExceeded) {
        reply.header('retry-after', limit.ttlInSeconds);
        return sendProblem(
          reply,
          problem(
            429,
            'GATEWAY.RATE_LIMITED',
            'Too many requests',
            `at most ${limit.max} requests per ${Math.round(limit.timeWindow / 1000)} s; retry in ${limit.ttlInSeconds} s`,
            request.url,
          ),
        );
      }
    }

    if (authFailure !== undefined) return refuse(request, reply, authFailure);

    const route = options.matcher.match(request.url);
    if (!route) {
      return sendProblem(
        reply,
        problem(
          404,
          'GATEWAY.NOT_FOUND',
          'Not found',
          `no service serves ${request.url.split('?')[0]}`,
          request.url,
        ),
      );
    }
    upstreamOf.set(request, { service: route.service, url: options.upstreams[route.service] });
  });

  // Errors raised by the proxy itself (a path escaping its prefix…) are answered as problems too.
  scope.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    const status =
      error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ err: error }, 'gateway error');
    const detail =
      status === 413
        ? `the body is larger than ${options.bodyLimitBytes} bytes`
        : status >= 500
          ? 'the gateway failed to forward the request'
          : error.message;
    return sendProblem(
      reply,
      problem(
        status,
        status >= 500 ? 'GATEWAY.INTERNAL_ERROR' : defaultCodeForStatus(status),
        'Request failed',
        detail,
        request.url,
      ),
    );
  });

  await scope.register(httpProxy, {
    prefix: API_PREFIX,
    rewritePrefix: API_PREFIX,
    upstream: '',
    // Bodies are read by the parsers above, not streamed through as they arrive.
    proxyPayloads: false,
    undici: {
      headersTimeout: options.upstreamTimeoutMs,
      bodyTimeout: options.upstreamTimeoutMs,
      connectTimeout: Math.min(options.upstreamTimeoutMs, 5000),
    },
    replyOptions: {
      getUpstream: (request) => upstreamOf.get(request as FastifyRequest)?.url ?? 'http://127.0.0.1:9',
      rewriteRequestHeaders: (request, headers) =>
        forwardedHeaders(request as FastifyRequest, headers, bodyLengthOf.get(request as FastifyRequest)),
      // One try: a retried POST could act twice, and a service answering 503 means it (not us) is unready.
      retryDelay: () => null,
      onError: (reply, { error }) => {
        const request = reply.request as FastifyRequest;
        const upstream = upstreamOf.get(request);
        request.log.warn({ err: error, service: upstream?.service }, 'upstream failed');
        const timedOut = (error as { statusCode?: number }).statusCode === 504;
        sendProblem(
          reply as FastifyReply,
          timedOut
            ? problem(
                504,
                'GATEWAY.UPSTREAM_TIMEOUT',
                'Service timed out',
                `the ${upstream?.service} service did not answer in time`,
                request.url,
              )
            : problem(
                502,
                'GATEWAY.UPSTREAM_UNAVAILABLE',
                'Service unavailable',
                `the ${upstream?.service} service cannot be reached`,
                request.url,
              ),
        );
      },
    },
  });
}

function refuse(request: FastifyRequest, reply: FastifyReply, failure: unknown): FastifyReply {
  if (failure instanceof AuthenticationError) {
    return sendProblem(
      reply,
      problem(401, failure.code, 'Authentication required', failure.message, request.url),
    );
  }
  if (failure instanceof VerifierUnavailableError) {
    request.log.error({ err: failure }, 'token verification unavailable');
    return sendProblem(
      reply,
      problem(503, failure.code, 'Token verification unavailable', failure.message, request.url),
    );
  }
  throw failure;
}

/** What the service receives: the caller's headers, plus who forwarded it and the ids that follow the work. */
function forwardedHeaders(
  request: FastifyRequest,
  headers: Record<string, string | string[] | undefined>,
  bodyLength: number | undefined,
): Record<string, string | string[] | undefined> {
  const previous = headers['x-forwarded-for'];
  // The body goes upstream whole, with its exact length: no chunked framing to relay.
  const { 'transfer-encoding': _chunked, 'content-length': _announced, ...kept } = headers;
  return {
    ...kept,
    ...(bodyLength !== undefined ? { 'content-length': String(bodyLength) } : {}),
    'x-request-id': request.id,
    'x-correlation-id': safeHeaderId(headers['x-correlation-id']) ?? request.id,
    'x-forwarded-for': previous ? `${previous}, ${request.ip}` : request.ip,
    'x-forwarded-proto': request.protocol,
    'x-forwarded-host': request.host,
  };
}
