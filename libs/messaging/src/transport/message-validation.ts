import {
  describeIssues,
  type EventCatalogue,
  type EventEnvelope,
  eventEnvelopeSchema,
  readPayload,
} from '@tripartite/events';

export type ValidationOutcome =
  | { ok: true; envelope: EventEnvelope }
  | { ok: false; reason: string; newerVersion?: number };

/**
 * Checks an incoming message against the envelope schema and its event's payload schema, and gives the
 * payload as the current version (an earlier one is upcast step by step, and the envelope then says the
 * current version). A message that fails can never succeed on retry: it is parked at once with this
 * reason; one of a version newer than the catalogue's (`newerVersion`) until this consumer is upgraded.
 */
export function validateMessage(content: Buffer, catalogue: EventCatalogue): ValidationOutcome {
  let raw: unknown;
  try {
    raw = JSON.parse(content.toString('utf8'));
  } catch {
    return { ok: false, reason: 'body is not JSON' };
  }
  const envelope = eventEnvelopeSchema.safeParse(raw);
  if (!envelope.success) return { ok: false, reason: `invalid envelope: ${describeIssues(envelope.error)}` };
  const definition = catalogue[envelope.data.type];
  if (!definition) return { ok: false, reason: `unknown event type ${envelope.data.type}` };
  const reading = readPayload(definition, envelope.data.version, envelope.data.payload);
  if (!reading.ok) return reading;
  // The handler sees the current version, whatever version the producer wrote.
  return { ok: true, envelope: { ...envelope.data, version: definition.version, payload: reading.payload } };
}
