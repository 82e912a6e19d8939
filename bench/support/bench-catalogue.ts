import { defineEvent, type EventCatalogue } from '@tripartite/events';
import { z } from 'zod';

/** The bench's one event: its number in the run, and which phase sent it. */
export const benchPinged = defineEvent(
  'bench.pinged',
  1,
  z.object({ seq: z.number().int().nonnegative(), phase: z.string() }),
  'Bench event: one measured trip through the outbox, the broker and the inbox.',
);

export type BenchPinged = z.infer<typeof benchPinged.schema>;

export const benchCatalogue = { [benchPinged.type]: benchPinged } satisfies EventCatalogue;
