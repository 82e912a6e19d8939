/** The caller could not be identified: no token, a malformed, expired or foreign one. Answered with 401. */
export class AuthenticationError extends Error {
  readonly code = 'AUTH.UNAUTHENTICATED';
  constructor(detail: string) {
    super(detail);
    this.name = 'AuthenticationError';
  }
}

/**
 * The keys to check a token against could not be obtained (identity provider unreachable or answering
 * nonsense). Not the caller's fault, so answered with 503 rather than 401.
 */
export class VerifierUnavailableError extends Error {
  readonly code = 'AUTH.VERIFIER_UNAVAILABLE';
  constructor(detail: string, options?: { cause?: unknown }) {
    super(detail, options);
    this.name = 'VerifierUnavailableError';
  }
}

/** A verifier was asked for with the development key where it is refused (production). Stops the boot. */
export class DevelopmentKeyRefusedError extends Error {
  readonly code = 'AUTH.DEVELOPMENT_KEY_REFUSED';
  constructor() {
    super('AUTH_JWKS_URL is required in production: the development signing key is refused there');
    this.name = 'DevelopmentKeyRefusedError';
  }
}
