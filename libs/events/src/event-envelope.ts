import { z } from 'zod';

/** INSEE code of a French region (2016 map: 11, 24, 27, 28, 32, 44, 52, 53, 75, 76, 84, 93, 94; overseas 01–06). */
export const regionCodeSchema = z
  .string()
  .regex(/^(0[1-6]|11|24|27|28|32|44|52|53|75|76|84|93|94)$/, 'must be an INSEE region code');

/**
 * The envelope every domain event travels in. `id` (UUIDv7) is also the outbox key and the inbox
 * dedupe key; `type` is the routing key on the topic exchange.
 */
export const eventEnvelopeSchema = z.object({
  id: z.uuid(),
  type: z.string().regex(/^[a-z_]+(\.[a-z_]+)+$/, 'must look like "agreement.granted"'),
  version: z.number().int().positive(),
  occurredAt: z.iso.datetime({ offset: true }),
  producer: z.string().min(1),
  aggregateId: z.string().min(1),
  aggregateVersion: z.number().int().nonnegative(),
  /** Region the fact concerns; null for national facts. */
  region: regionCodeSchema.nullable(),
  correlationId: z.string().min(1),
  causationId: z.string().min(1).nullable(),
  payload: z.unknown(),
});

export type EventEnvelope<P = unknown, T extends string = string> = Omit<
  z.infer<typeof eventEnvelopeSchema>,
  'payload' | 'type'
> & { type: T; payload: P };
