import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '../problem/problem-details';

/** The client errors an operation documents; each answer is a problem (`application/problem+json`). */
export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 412 | 422 | 428;

/** What each status means on this platform, for the reader of the API documentation. */
const MEANING: Record<ProblemStatus, string> = {
  400: 'The request is malformed: `errors[]` names each field and the rule it breaks',
  401: 'No valid bearer token',
  403: 'The caller’s role, region or organisation does not allow it',
  404: 'No such resource',
  409: 'It conflicts with the resource’s current state, or a request with the same Idempotency-Key is still running',
  412: 'If-Match names a version that is no longer the current one (`currentVersion` says which is): read again',
  422: 'A rule refuses it (`code` and `rule` say which, `field` where), or the Idempotency-Key was used for another request',
  428: 'If-Match is missing: a change names the version it applies to',
};

/** The component every problem answer refers to (`buildOpenApiDocument` declares it). */
export const PROBLEM_SCHEMA_REF = '#/components/schemas/Problem';

/** Documents the problem answers of an operation: `@ApiProblemResponses(404, 409)`. */
export function ApiProblemResponses(...statuses: readonly ProblemStatus[]): MethodDecorator {
  return applyDecorators(
    ...[...new Set(statuses)].map((status) =>
      ApiResponse({
        status,
        description: MEANING[status],
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: PROBLEM_SCHEMA_REF } } },
      }),
    ),
  );
}
