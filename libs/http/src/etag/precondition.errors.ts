import { DomainError } from '../problem/domain.error';

/** The client changed a version it no longer has: someone else changed the resource since it read it. */
export class PreconditionFailedError extends DomainError {
  constructor(expectedVersion: number, currentVersion: number) {
    super(
      'REQUEST.PRECONDITION_FAILED',
      `The resource is at version ${currentVersion}, not ${expectedVersion}: read it again, then retry`,
      { context: { expectedVersion, currentVersion } },
    );
  }
}

/** A change that must name the version it applies to came without `If-Match`. */
export class PreconditionRequiredError extends DomainError {
  constructor() {
    super(
      'REQUEST.PRECONDITION_REQUIRED',
      'This change requires an If-Match header with the ETag of the version it applies to',
    );
  }
}
