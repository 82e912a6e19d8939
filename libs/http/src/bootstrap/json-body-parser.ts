import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ProblemException } from '../problem/problem.exception';
import { RequestValidationError } from '../validation/request-validation.error';

/** No request schema nests this deep; a body that does is refused before any code walks it recursively. */
export const MAX_JSON_DEPTH = 32;

/**
 * The one body parser of a service: JSON, read as UTF-8 only (RFC 8259 §8.1), with Fastify's own parser
 * (which refuses `__proto__` and `constructor.prototype` keys). Other media types — forms included — are
 * Fastify's 415, a problem like every other refusal:
 * - `application/json; charset=utf-16` (or any charset but UTF-8) → 415, instead of UTF-16 bytes read as UTF-8;
 * - nesting deeper than MAX_JSON_DEPTH → 400 naming `(root)`, rule `depth`.
 */
export function installJsonBodyParser(fastify: FastifyInstance): void {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'string' },
    (
      request: FastifyRequest,
      body: string | Buffer,
      done: (error: Error | null, value?: unknown) => void,
    ) => {
      const charset = charsetOf(request.headers['content-type']);
      if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
        done(
          new ProblemException({
            status: 415,
            code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
            detail: `JSON is read as UTF-8 only; charset=${charset} is not accepted`,
          }),
        );
        return;
      }
      parseJson(request, body.toString(), (error, value) => {
        if (error) done(error);
        else if (depthOf(value) > MAX_JSON_DEPTH) {
          done(
            new RequestValidationError('body', [
              { field: '(root)', rule: 'depth', message: `must not nest more than ${MAX_JSON_DEPTH} levels` },
            ]),
          );
        } else done(null, value);
      });
    },
  );
}

/** The `charset` parameter of a Content-Type, lower case and unquoted; undefined when absent. */
export function charsetOf(contentType: string | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*("?)([^";\s]*)\1/i.exec(contentType ?? '');
  return match ? (match[2] ?? '').toLowerCase() : undefined;
}

/** Depth of nested arrays and objects, walked without recursion (a deep value must not overflow the stack). */
function depthOf(value: unknown): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop() as [unknown, number];
    if (current === null || typeof current !== 'object') continue;
    if (depth + 1 > deepest) deepest = depth + 1;
    if (deepest > MAX_JSON_DEPTH) return deepest;
    for (const child of Object.values(current)) pending.push([child, depth + 1]);
  }
  return deepest;
}
