/**
 * How often a failing handler is tried and how long to wait between tries.
 * Three tries with a growing delay, then the message is parked with its error.
 */
export interface RetryPolicy {
  maxAttempts: number;
  /** delaysMs[n - 1] is the wait before try n + 1. */
  delaysMs: readonly number[];
  /** Broker-side cap on redeliveries of one message (a handler that crashes its process each time). */
  deliveryLimit: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 3,
  delaysMs: [1_000, 5_000],
  deliveryLimit: 10,
};
