export const IDEMPOTENCY_OPTIONS = Symbol('IDEMPOTENCY_OPTIONS');

export interface IdempotencyOptions {
  /** Apply to every POST carrying the header, not only to routes marked `@Idempotent()`. */
  allPosts: boolean;
  /** How long an answer is kept for replay (config IDEMPOTENCY_TTL_SECONDS, 24 h by default). */
  ttlSeconds: number;
  /** How long a pending key stays with its request (config HTTP_REQUEST_TIMEOUT_MS, 30 s by default). */
  leaseSeconds: number;
  /** How long a repeat waits for the first request to finish before answering 409. */
  waitMs: number;
  pollMs: number;
}

export const DEFAULT_IDEMPOTENCY_OPTIONS: IdempotencyOptions = {
  allPosts: false,
  ttlSeconds: 24 * 60 * 60,
  leaseSeconds: 30,
  waitMs: 10_000,
  pollMs: 50,
};
