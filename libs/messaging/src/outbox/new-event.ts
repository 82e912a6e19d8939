import type { EventCatalogue } from '@tripartite/events';
import type { z } from 'zod';

/** The payload a producer hands over for event `T` of catalogue `C`: its schema's input (defaults may be left out). */
export type PayloadInput<C extends EventCatalogue, T extends keyof C> = z.input<C[T]['schema']>;

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
