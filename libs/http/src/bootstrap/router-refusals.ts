import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { defaultCodeForStatus } from '../problem/problem.mapping';
import { PROBLEM_CONTENT_TYPE, problem } from '../problem/problem-details';

/** Longest path segment a route parameter may take (Fastify's default): ids are UUIDs, 36 characters. */
export const MAX_PARAM_LENGTH = 100;

/** What the router refuses before any route runs, said in words that do not echo a 5,000-character URL. */
const REFUSALS: Record<string, { status: number; code: string; detail: string }> = {
  FST_ERR_MAX_PARAM_LENGTH: {
    status: 414,
    code: 'REQUEST.PATH_TOO_LONG',
    detail: `a path segment is longer than ${MAX_PARAM_LENGTH} characters`,
  },
  FST_ERR_BAD_URL: {
    status: 400,
    code: 'REQUEST.BAD_PATH',
    detail: 'the path is not valid percent-encoded UTF-8',
  },
};

/**
 * Fastify's `frameworkErrors`: the refusals of its router (a path parameter too long, a path that does
 * not decode) answered as problems, like every other refusal, by the services and the gateway alike.
 */
export function answerRouterRefusal(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const known = REFUSALS[error.code];
  const status = known?.status ?? (error.statusCode && error.statusCode < 500 ? error.statusCode : 400);
  const body = problem({
    status,
    code: known?.code ?? defaultCodeForStatus(status),
    detail: known?.detail ?? 'the request could not be routed',
    instance: (request.url ?? '').split('?')[0]?.slice(0, 200),
    requestId: request.id,
  });
  void reply.code(status).header('content-type', PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}
