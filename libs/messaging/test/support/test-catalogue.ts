import { defineEvent, type EventCatalogue } from '@tripartite/events';
import { z } from 'zod';

/** Events used only by the messaging tests. */
export const thingHappened = defineEvent(
  'thing.happened',
  1,
  z.object({
    note: z.string(),
    failTimes: z.number().int().nonnegative().default(0),
    workMs: z.number().default(0),
  }),
  'Test event: a thing happened.',
);

export const testCatalogue: EventCatalogue = { [thingHappened.type]: thingHappened };
