/** No deadline has this id in the service's database. */
export class DeadlineNotFoundError extends Error {
  readonly code = 'DEADLINE.NOT_FOUND';
  constructor(readonly deadlineId: string) {
    super(`Deadline ${deadlineId} does not exist`);
    this.name = 'DeadlineNotFoundError';
  }
}

/** The deadline already fired or was cancelled: it can no longer be moved. */
export class DeadlineNotPendingError extends Error {
  readonly code = 'DEADLINE.NOT_PENDING';
  constructor(
    readonly deadlineId: string,
    readonly status: string,
  ) {
    super(`Deadline ${deadlineId} is ${status}, not pending`);
    this.name = 'DeadlineNotPendingError';
  }
}

/** A deadline was scheduled with bad data (kind, due time, or an event the catalogue refuses). */
export class InvalidDeadlineError extends Error {
  readonly code = 'DEADLINE.INVALID';
  constructor(reason: string) {
    super(`Deadline refused: ${reason}`);
    this.name = 'InvalidDeadlineError';
  }
}

/** The same id was scheduled twice for different things: two callers derive ids the same way by mistake. */
export class DeadlineIdConflictError extends Error {
  readonly code = 'DEADLINE.ID_CONFLICT';
  constructor(readonly deadlineId: string) {
    super(`Deadline ${deadlineId} already exists with another kind or subject`);
    this.name = 'DeadlineIdConflictError';
  }
}
