export const IDEMPOTENCY_OPTIONS = Symbol('IDEMPOTENCY_OPTIONS');

export interface IdempotencyOptions {
  /** Apply to every POST carrying the header, not only to routes marked `@Idempotent()`. */
  allPosts: boolean;
  /** How long an answer is kept for replay (config IDEMPOTENCY_TTL_SECONDS, 24 h by default). */
  ttlSeconds: number;
  leaseSeconds: number;
  /** How long a repeat waits for the first request to finish before answering 409. */
  waitMs: number;
  pollMs: number;
}

export const DEFAULT_IDEMPOTENCY_OPTIONS: IdempotencyOptions = {
  allPosts: false,
  ttlSeconds: 24 * 60 * 60,
  leaseSeconds: 60,
  waitMs: 10_000,
  pollMs: 50,
};
