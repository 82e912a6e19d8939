import type { FastifyReply } from 'fastify';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** RFC 9457 problem details, the shape of every error the platform answers. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
}

export function problem(
  status: number,
  code: string,
  title: string,
  detail: string,
  instance?: string,
): Problem {
  return {
    type: `urn:tripartite:problem:${code.toLowerCase()}`,
    title,
    status,
    detail,
    code,
    ...(instance ? { instance } : {}),
  };
}

/** Answers with a problem from a raw Fastify route or hook, outside Nest's exception filters. */
export function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  return reply.code(body.status).header('content-type', PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}
