import { HttpException, HttpStatus } from '@nestjs/common';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** RFC 9457 problem details, as the http library's filter renders them. */
export interface AuthProblem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
}

export const AUTH_PROBLEM_CODES = {
  unauthenticated: 'AUTH.UNAUTHENTICATED',
  verifierUnavailable: 'AUTH.VERIFIER_UNAVAILABLE',
  forbiddenRole: 'AUTH.FORBIDDEN_ROLE',
  forbiddenScope: 'AUTH.FORBIDDEN_SCOPE',
} as const;

export function authProblem(
  status: number,
  code: string,
  title: string,
  detail: string,
  instance?: string,
): AuthProblem {
  return {
    type: `urn:tripartite:problem:${code.toLowerCase()}`,
    title,
    status,
    detail,
    code,
    ...(instance ? { instance } : {}),
  };
}

/** A Nest exception whose response body is already the problem object, whatever filter renders it. */
export class AuthProblemException extends HttpException {
  constructor(readonly problem: AuthProblem) {
    super(problem, problem.status);
  }
}

export function unauthenticated(detail: string, instance?: string): AuthProblemException {
  return new AuthProblemException(
    authProblem(
      HttpStatus.UNAUTHORIZED,
      AUTH_PROBLEM_CODES.unauthenticated,
      'Authentication required',
      detail,
      instance,
    ),
  );
}

export function verifierUnavailable(detail: string, instance?: string): AuthProblemException {
  return new AuthProblemException(
    authProblem(
      HttpStatus.SERVICE_UNAVAILABLE,
      AUTH_PROBLEM_CODES.verifierUnavailable,
      'Token verification unavailable',
      detail,
      instance,
    ),
  );
}

export function forbiddenRole(detail: string, instance?: string): AuthProblemException {
  return new AuthProblemException(
    authProblem(HttpStatus.FORBIDDEN, AUTH_PROBLEM_CODES.forbiddenRole, 'Role not allowed', detail, instance),
  );
}

export function forbiddenScope(detail: string, instance?: string): AuthProblemException {
  return new AuthProblemException(
    authProblem(
      HttpStatus.FORBIDDEN,
      AUTH_PROBLEM_CODES.forbiddenScope,
      'Outside your scope',
      detail,
      instance,
    ),
  );
}
