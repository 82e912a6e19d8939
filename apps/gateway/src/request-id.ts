import type { IncomingMessage } from 'node:http';
import { v7 as uuidv7 } from 'uuid';

/** An id a client may choose for its request or correlation, if it is short and plain. */
export function safeHeaderId(value: string | string[] | undefined): string | undefined {
  const candidate = Array.isArray(value) ? value[0] : value;
  return candidate && /^[A-Za-z0-9._:-]{1,128}$/.test(candidate) ? candidate : undefined;
}

/** Fastify's `genReqId`: keeps the caller's X-Request-Id when plain, else a UUIDv7 (sortable by time). */
export function requestIdOf(request: IncomingMessage): string {
  return safeHeaderId(request.headers['x-request-id']) ?? uuidv7();
}
