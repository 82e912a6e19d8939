/** What a command hands to the outbox; the writer completes the envelope. */
export interface NewEvent<T extends string = string, P = unknown> {
  type: T;
  aggregateId: string;
  aggregateVersion: number;
  region: string | null;
  payload: P;
  /** Defaults to the current request's correlation id, or a new one. */
  correlationId?: string;
  /** Defaults to the current request's causation id (the event or request that led here). */
  causationId?: string | null;
}
