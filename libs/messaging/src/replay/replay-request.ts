import { z } from 'zod';

/**
 * The routing key of replay requests on the events exchange. It cannot be an event type (those have a dot:
 * `area.fact`), so no consumer queue bound to event types ever receives one.
 * DO NOT change without a migration plan: every producer's request queue is bound to it.
 */
export const REPLAY_REQUEST_ROUTING_KEY = 'tripartite-replay-request';

/** "Replay your retained event log of these types to this queue alone" (ADR 0019). */
export const replayRequestSchema = z.object({
  requestId: z.uuid(),
  /** The one consumer queue that receives the replay (e.g. "tripartite.indicators"). */
  queue: z.string().min(1),
  /** Only these event types; a producer replays those of its log. */
  types: z.array(z.string().min(1)).min(1),
  /** The service that asked, for the logs. */
  requestedBy: z.string().min(1),
});

export type ReplayRequestMessage = z.infer<typeof replayRequestSchema>;

/** The queue in which a producing service takes replay requests (its replicas compete for them). */
export function replayRequestQueueOf(prefix: string, service: string): string {
  return `${prefix}.${service}.replay-requests`;
}
