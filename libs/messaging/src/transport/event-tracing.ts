import type { EventEnvelope } from '@tripartite/events';
import { contextOf, inSpan, SpanKind, withTraceOf } from '@tripartite/telemetry';
import type { ConsumeMessage } from 'amqplib';

/**
 * Runs an event's handler as a span of the trace its message carries (the `traceparent` the relay
 * published with it, ADR 0013), so what the handler does — its SQL, the events it appends in turn, the
 * work it queues — belongs to the command that started the story. A message without one starts a trace.
 */
export function handleInTraceOf<T>(
  message: ConsumeMessage,
  envelope: EventEnvelope,
  attempt: number,
  work: () => Promise<T>,
): Promise<T> {
  return inSpan(
    `process ${envelope.type}`,
    {
      kind: SpanKind.CONSUMER,
      parent: contextOf(message.properties.headers),
      attributes: {
        'messaging.system': 'rabbitmq',
        'messaging.operation.type': 'process',
        'messaging.destination.name': envelope.type,
        'messaging.message.id': envelope.id,
        'messaging.message.conversation_id': envelope.correlationId,
        'tripartite.event.producer': envelope.producer,
        'tripartite.event.attempt': attempt,
      },
    },
    work,
  );
}

/**
 * Runs a republish of a received message (to a retry queue, to parking) in the message's own trace, so
 * the copy carries it on rather than whatever context the transport happens to be in.
 */
export function inTraceOfMessage<T>(message: ConsumeMessage, work: () => T): T {
  return withTraceOf(message.properties.headers, work);
}
