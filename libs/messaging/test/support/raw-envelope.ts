import { randomUUID } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

/** An event envelope as a producer outside this process would publish it, any version, any payload. */
export function rawEnvelope(
  type: string,
  version: number,
  payload: unknown,
  options: { aggregateId?: string; producer?: string } = {},
): { id: string } & Record<string, unknown> {
  const id = uuidv7();
  return {
    id,
    type,
    version,
    occurredAt: new Date().toISOString(),
    producer: options.producer ?? 'rogue',
    aggregateId: options.aggregateId ?? randomUUID(),
    aggregateVersion: 1,
    region: '53',
    correlationId: id,
    causationId: null,
    payload,
  };
}
