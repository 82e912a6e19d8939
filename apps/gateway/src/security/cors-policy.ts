import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';

/** What a browser page of an allowed origin may send and read, beyond the CORS-safelisted headers. */
const REQUEST_HEADERS = [
  'authorization',
  'content-type',
  'idempotency-key',
  'if-match',
  'x-request-id',
  'x-correlation-id',
];
const EXPOSED_HEADERS = [
  'etag',
  'location',
  'retry-after',
  'idempotency-replayed',
  'x-request-id',
  'x-correlation-id',
];

/**
 * CORS is off unless GATEWAY_CORS_ORIGINS lists origins: without it no browser page of another origin can
 * read an answer. With it, those origins only, and preflights are answered before authentication (a
 * preflight carries no token). Bearer tokens travel in a header, never cookies: no credentials mode.
 */
export async function registerCorsPolicy(
  fastify: FastifyInstance,
  origins: readonly string[],
): Promise<void> {
  if (origins.length === 0) return;
  await fastify.register(cors, {
    origin: [...origins],
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: REQUEST_HEADERS,
    exposedHeaders: EXPOSED_HEADERS,
    credentials: false,
    maxAge: 600,
  });
}
