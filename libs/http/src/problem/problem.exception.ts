import { HttpException } from '@nestjs/common';
import { type ProblemDetails, type ProblemInit, problem } from './problem-details';

/** An HTTP error whose body is already a problem; the filter sends it as it is. */
export class ProblemException extends HttpException {
  readonly problem: ProblemDetails;

  constructor(init: ProblemInit) {
    const body = problem(init);
    super(body, body.status);
    this.problem = body;
  }
}
