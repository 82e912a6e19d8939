import { HttpException } from '@nestjs/common';
import { isDomainErrorLike } from '@tripartite/errors';
import { isProblemDetails, type ProblemDetails, problem } from './problem-details';
import { statusOfDomainError } from './problem-status';

/** The code of an HTTP error that did not name one, by status. */
export function defaultCodeForStatus(status: number): string {
  const known: Record<number, string> = {
    400: 'REQUEST.INVALID',
    401: 'AUTH.UNAUTHENTICATED',
    403: 'AUTH.FORBIDDEN',
    404: 'REQUEST.NOT_FOUND',
    405: 'REQUEST.METHOD_NOT_ALLOWED',
    406: 'REQUEST.NOT_ACCEPTABLE',
    409: 'REQUEST.CONFLICT',
    412: 'REQUEST.PRECONDITION_FAILED',
    413: 'REQUEST.TOO_LARGE',
    415: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
    422: 'REQUEST.UNPROCESSABLE',
    428: 'REQUEST.PRECONDITION_REQUIRED',
    429: 'REQUEST.RATE_LIMITED',
    503: 'SERVICE.UNAVAILABLE',
  };
  return known[status] ?? (status < 500 ? 'REQUEST.REFUSED' : 'INTERNAL.ERROR');
}

export const UNEXPECTED_DETAIL = 'An unexpected error occurred. Quote the request id when reporting it.';

export const CONTENDED_DETAIL =
  'Another request changed the same data at the same moment; nothing was written. Send the request again.';

/** PostgreSQL's deadlock_detected and serialization_failure: the transaction was rolled back, a retry succeeds. */
const TRANSIENT_CONTENTION = new Set(['40P01', '40001']);

function isTransientContention(exception: unknown): boolean {
  const code = (exception as { code?: unknown } | null)?.code;
  return typeof code === 'string' && TRANSIENT_CONTENTION.has(code);
}

export interface MappedProblem {
  problem: ProblemDetails;
  /** A fault of ours rather than of the request: logged with its stack, never shown to the caller. */
  unexpected: boolean;
}

/**
 * Turns anything thrown while serving a request into the problem answered. Internals (messages of unknown
 * errors, driver codes, stacks) never reach the caller.
 */
export function toProblem(exception: unknown, instance: string): MappedProblem {
  if (exception instanceof HttpException) return fromHttpException(exception, instance);
  if (isDomainErrorLike(exception)) {
    const status = statusOfDomainError(exception);
    // A code mapped to 500 is a programming error of ours: its message stays in the logs.
    if (status === 500) {
      return {
        problem: problem({ status, code: 'INTERNAL.ERROR', detail: UNEXPECTED_DETAIL, instance }),
        unexpected: true,
      };
    }
    const { field, rule, errors, context } = exception;
    return {
      problem: problem({
        ...(context ?? {}),
        status,
        code: exception.code,
        detail: exception.message,
        instance,
        ...(field ? { field } : {}),
        ...(rule ? { rule } : {}),
        ...(errors && errors.length > 0 ? { errors: [...errors] } : {}),
      }),
      unexpected: status >= 500,
    };
  }
  if (isTransientContention(exception)) {
    // Nothing was written (the database rolled the transaction back): the same request may simply be sent again.
    return {
      problem: problem({ status: 503, code: 'SERVICE.CONTENDED', detail: CONTENDED_DETAIL, instance }),
      unexpected: false,
    };
  }
  const fastifyStatus = fastifyClientErrorStatus(exception);
  if (fastifyStatus !== undefined) {
    // Fastify refused the request itself (malformed JSON, body too large, unknown content type).
    return {
      problem: problem({
        status: fastifyStatus,
        code: defaultCodeForStatus(fastifyStatus),
        detail: (exception as Error).message,
        instance,
      }),
      unexpected: false,
    };
  }
  return {
    problem: problem({ status: 500, code: 'INTERNAL.ERROR', detail: UNEXPECTED_DETAIL, instance }),
    unexpected: true,
  };
}

function fromHttpException(exception: HttpException, instance: string): MappedProblem {
  const status = exception.getStatus();
  const body = exception.getResponse();
  if (isProblemDetails(body)) {
    return { problem: { ...body, instance: body.instance ?? instance }, unexpected: status >= 500 };
  }
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const message = typeof body === 'string' ? body : fields.message;
  const detail = Array.isArray(message)
    ? message.map(String).join('; ')
    : typeof message === 'string'
      ? message
      : exception.message;
  const code = typeof fields.code === 'string' ? fields.code : defaultCodeForStatus(status);
  return { problem: problem({ status, code, detail, instance }), unexpected: status >= 500 };
}

function fastifyClientErrorStatus(exception: unknown): number | undefined {
  if (!(exception instanceof Error)) return undefined;
  const { code, statusCode } = exception as { code?: unknown; statusCode?: unknown };
  if (typeof code !== 'string' || !code.startsWith('FST_')) return undefined;
  if (typeof statusCode !== 'number' || statusCode < 400 || statusCode > 499) return undefined;
  return statusCode;
}
