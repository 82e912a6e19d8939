import { STATUS_CODES } from 'node:http';

/** Media type of every error answer (RFC 9457). */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** One invalid field of a request: where (`contacts[0].email`), which rule it broke, in words. */
export interface FieldError {
  field: string;
  rule: string;
  message: string;
}

/**
 * An error answer (RFC 9457) with Tripartite's stable `code` (e.g. `REQUEST.INVALID`); clients branch on
 * `code`, people read `title` and `detail`. Extension members (`errors`, `requestId`…) may follow.
 */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

/** What a thrower has to say; the rest (`type`, `title`) follows from the code and the status. */
export interface ProblemInit {
  status: number;
  code: string;
  detail: string;
  instance?: string;
  errors?: FieldError[];
  type?: string;
  title?: string;
  [extension: string]: unknown;
}

/** A problem type per code: a URN, as the codes name kinds of problem, not documents to fetch. */
export function problemType(code: string): string {
  return `urn:tripartite:problem:${code.toLowerCase()}`;
}

export function statusTitle(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}

export function problem(init: ProblemInit): ProblemDetails {
  const { type, title, status, code, detail, ...rest } = init;
  return {
    type: type ?? problemType(code),
    title: title ?? statusTitle(status),
    status,
    detail,
    code,
    ...rest,
  };
}

export function isProblemDetails(value: unknown): value is ProblemDetails {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.type === 'string' &&
    typeof v.title === 'string' &&
    typeof v.status === 'number' &&
    typeof v.code === 'string'
  );
}
