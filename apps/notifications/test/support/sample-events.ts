import { randomUUID } from 'node:crypto';
import type { PlatformEventType } from '@tripartite/events';
import { type SampleParties, samplePayloads as storyPayloads } from '../../src/delivery/domain/sample-events';

/** The organisations an event names; fresh ids unless the test gives its own. */
export type EventParties = SampleParties;

export function eventParties(overrides: Partial<EventParties> = {}): EventParties {
  return {
    serviceId: randomUUID(),
    serviceName: 'Santé Travail Ouest',
    caisseId: randomUUID(),
    direccteId: randomUUID(),
    consultedOrganisationId: randomUUID(),
    regions: ['53'],
    agreementId: randomUUID(),
    contractId: randomUUID(),
    ...overrides,
  };
}

type StoryPayloads = ReturnType<typeof storyPayloads>;
type SamplePayloads = Omit<StoryPayloads, Extract<PlatformEventType, `organisation.${string}`>>;

/**
 * The previews' sample payloads (src/delivery/domain/sample-events.ts) naming the given parties, for
 * every event a person hears of but `organisation.*`: the tests register their organisations themselves.
 * The test producer publishes them as the other services will.
 */
export function samplePayloads(p: EventParties): SamplePayloads {
  const { 'organisation.registered': _registered, ...others } = storyPayloads(p);
  return others;
}
