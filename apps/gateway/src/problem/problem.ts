import { PROBLEM_CONTENT_TYPE, type ProblemDetails, problem as problemDetails } from '@tripartite/http';
import type { FastifyReply } from 'fastify';

export type Problem = ProblemDetails;

/** The gateway's problems, in the platform's one shape (libs/http). */
export function problem(
  status: number,
  code: string,
  title: string,
  detail: string,
  instance?: string,
): Problem {
  return problemDetails({ status, code, title, detail, ...(instance ? { instance } : {}) });
}

/** Answers with a problem from a raw Fastify route or hook, outside Nest's exception filters. */
export function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  return reply.code(body.status).header('content-type', PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}
