import type { IncomingMessage } from 'node:http';
import { type RequestContext, runWithContext } from '@tripartite/context';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { v7 as uuidv7 } from 'uuid';
import type { MetricsRegistry } from '../metrics/metrics.registry';

export const REQUEST_ID_HEADER = 'x-request-id';
export const CORRELATION_ID_HEADER = 'x-correlation-id';

/** Ids taken from callers go into logs and headers: short, and nothing that could forge a log line. */
const ID_FORMAT = /^[A-Za-z0-9._:-]{1,128}$/;

function acceptedId(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' && ID_FORMAT.test(value) ? value : undefined;
}

/** Fastify's `genReqId`: the caller's `X-Request-Id` when it is acceptable, a new UUIDv7 otherwise. */
export function requestIdOf(raw: IncomingMessage): string {
  return acceptedId(raw.headers[REQUEST_ID_HEADER]) ?? uuidv7();
}

const contexts = new WeakMap<FastifyRequest, RequestContext>();

/** The context of a request, also outside the handler (access log, error hooks). */
export function requestContextOf(request: FastifyRequest): RequestContext | undefined {
  return contexts.get(request);
}

const QUIET_ROUTES = /^\/(health|metrics)(\/|$)/;

/**
 * Request id, correlation id and request context for the whole request; duration histogram and one access
 * log line per request. The context is entered again before the handler because body parsing runs in the
 * socket's async context, not the request's: guards, pipes, handlers and filters all see it.
 */
export function installRequestHooks(
  fastify: FastifyInstance,
  metrics: MetricsRegistry,
  logger: Logger,
): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    const correlationId = acceptedId(request.headers[CORRELATION_ID_HEADER]) ?? request.id;
    const context: RequestContext = { requestId: request.id, correlationId, causationId: null };
    contexts.set(request, context);
    reply.header(REQUEST_ID_HEADER, request.id);
    reply.header(CORRELATION_ID_HEADER, correlationId);
    runWithContext(context, done);
  });

  fastify.addHook('preHandler', (request, _reply, done) => {
    const context = contexts.get(request);
    if (context) runWithContext(context, done);
    else done();
  });

  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const durationMs = reply.elapsedTime;
    metrics.httpRequestDuration.observe(
      { method: request.method, route, status_code: String(reply.statusCode) },
      durationMs / 1000,
    );
    const context = contexts.get(request);
    const line = {
      requestId: request.id,
      correlationId: context?.correlationId,
      subject: context?.actor?.subject,
      method: request.method,
      url: request.url,
      route,
      status: reply.statusCode,
      durationMs: Math.round(durationMs * 10) / 10,
    };
    if (QUIET_ROUTES.test(request.url)) logger.debug(line, 'request completed');
    else logger.info(line, 'request completed');
    done();
  });
}
