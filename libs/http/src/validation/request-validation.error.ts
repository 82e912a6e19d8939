import { ProblemException } from '../problem/problem.exception';
import type { FieldError } from '../problem/problem-details';

export type RequestPart = 'body' | 'query' | 'path' | 'headers';

/** 400 naming each bad field of the request. */
export class RequestValidationError extends ProblemException {
  constructor(part: RequestPart, errors: FieldError[]) {
    const fields = [...new Set(errors.map((e) => e.field))];
    super({
      status: 400,
      code: 'REQUEST.INVALID',
      detail: `Invalid request ${part}: ${fields.join(', ')}`,
      errors,
    });
  }
}
