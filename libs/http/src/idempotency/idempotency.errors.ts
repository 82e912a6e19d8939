import { DomainError } from '../problem/domain.error';

/** The same key was sent with another request: the client mixed up its keys, nothing is executed. */
export class IdempotencyKeyReusedError extends DomainError {
  constructor() {
    super(
      'REQUEST.IDEMPOTENCY_KEY_REUSED',
      'This Idempotency-Key was already used with a different request; use a new key for a new request',
    );
  }
}

/** The first request with this key is still running and did not finish while this repeat waited. */
export class IdempotencyKeyInProgressError extends DomainError {
  constructor() {
    super(
      'REQUEST.IDEMPOTENCY_KEY_IN_PROGRESS',
      'A request with this Idempotency-Key is still being processed; retry later with the same key',
    );
  }
}

export class IdempotencyKeyMissingError extends DomainError {
  constructor() {
    super('REQUEST.IDEMPOTENCY_KEY_MISSING', 'This operation requires an Idempotency-Key header');
  }
}
