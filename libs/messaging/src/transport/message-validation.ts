import { type EventCatalogue, type EventEnvelope, eventEnvelopeSchema } from '@tripartite/events';

export type ValidationOutcome = { ok: true; envelope: EventEnvelope } | { ok: false; reason: string };

/**
 * Checks an incoming message against the envelope schema and its event's payload schema.
 * A message that fails can never succeed on retry: it is parked at once with this reason.
 */
export function validateMessage(content: Buffer, catalogue: EventCatalogue): ValidationOutcome {
  let raw: unknown;
  try {
    raw = JSON.parse(content.toString('utf8'));
  } catch {
    return { ok: false, reason: 'body is not JSON' };
  }
  const envelope = eventEnvelopeSchema.safeParse(raw);
  if (!envelope.success) {
    return { ok: false, reason: `invalid envelope: ${describe(envelope.error.issues)}` };
  }
  const definition = catalogue[envelope.data.type];
  if (!definition) return { ok: false, reason: `unknown event type ${envelope.data.type}` };
  if (definition.version !== envelope.data.version) {
    return {
      ok: false,
      reason: `${envelope.data.type} version ${envelope.data.version} not understood (expects ${definition.version})`,
    };
  }
  const payload = definition.schema.safeParse(envelope.data.payload);
  if (!payload.success) return { ok: false, reason: `invalid payload: ${describe(payload.error.issues)}` };
  return { ok: true, envelope: { ...envelope.data, payload: payload.data } };
}

function describe(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues.map((i) => `${i.path.map(String).join('.') || '(root)'} ${i.message}`).join('; ');
}
