import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@tripartite/events';
import { v7 as uuidv7 } from 'uuid';
import { type BenchPinged, benchPinged } from './bench-catalogue';

/**
 * A `bench.pinged` envelope as OutboxWriter builds one (same fields, same size): the raw baseline
 * carries these bytes too, and the diagnostics publish them straight to the consumer's exchange.
 */
export function benchEnvelope(seq: number, phase: string, producer: string): EventEnvelope<BenchPinged> {
  const id = uuidv7();
  return {
    id,
    type: benchPinged.type,
    version: benchPinged.version,
    occurredAt: new Date().toISOString(),
    producer,
    // A new aggregate each time: the consumer serialises the events of one aggregate, not of many.
    aggregateId: randomUUID(),
    aggregateVersion: 1,
    region: '53',
    correlationId: id,
    causationId: null,
    payload: { seq, phase },
  };
}
