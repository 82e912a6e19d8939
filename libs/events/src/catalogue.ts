import type { z } from 'zod';
import type { EventDefinition } from './event-definition';
import { organisationRegistered, organisationUpdated } from './organisation/organisation-events';

/**
 * Every domain event of the platform, by routing key.
 *
 * DO NOT rename or remove an entry without a migration plan: the key is the RabbitMQ routing key,
 * queues are bound to it, and old messages, outbox rows and parked messages carry it.
 * A breaking payload change gets a new version, never an edited schema.
 */
export const eventCatalogue = {
  [organisationRegistered.type]: organisationRegistered,
  [organisationUpdated.type]: organisationUpdated,
} as const satisfies Record<string, EventDefinition>;

export type EventCatalogue = Readonly<Record<string, EventDefinition>>;
export type PlatformEventType = keyof typeof eventCatalogue;
export type PayloadOf<T extends PlatformEventType> = z.infer<(typeof eventCatalogue)[T]['schema']>;
