import type { EventEnvelope } from '@tripartite/events';
import type { Options } from 'amqplib';

/** AMQP properties of a domain event: persistent, identified, typed, correlated. */
export function publishOptionsOf(
  envelope: EventEnvelope,
  headers: Record<string, unknown> = {},
): Options.Publish {
  return {
    persistent: true,
    messageId: envelope.id,
    type: envelope.type,
    contentType: 'application/json',
    correlationId: envelope.correlationId,
    appId: envelope.producer,
    timestamp: Math.floor(Date.parse(envelope.occurredAt) / 1000),
    headers: { 'x-event-version': envelope.version, ...headers },
  };
}
