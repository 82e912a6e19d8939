/**
 * Headers the transport sets on the messages it retries, parks and replays. DO NOT rename: messages in
 * the retry and parking queues and the parked-message log keep them across deployments.
 */
export const MESSAGE_HEADERS = {
  reason: 'x-parked-reason',
  parkedAt: 'x-parked-at',
  attempts: 'x-attempts',
  /** The event's version when it was parked for being newer than the consumer read: replayed once it does. */
  unknownVersion: 'x-parked-unknown-version',
  /** A retried or replayed message arrives under its queue's name: this keeps the event's routing key. */
  originalRoutingKey: 'x-original-routing-key',
  /** The try a retried message is on (absent: the first). */
  attempt: 'x-attempt',
  lastError: 'x-last-error',
  replayedAt: 'x-replayed-at',
} as const;
