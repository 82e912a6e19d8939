import { Injectable } from '@nestjs/common';
import type { EnvelopeOf } from '@tripartite/messaging';
import type { EntityManager } from 'typeorm';
import { DirectoryRepository } from '../infrastructure/directory.repository';

type OrganisationEvent = EnvelopeOf<'organisation.registered'> | EnvelopeOf<'organisation.updated'>;

/**
 * Keeps the directory projection from `organisation.registered` / `organisation.updated`, whose payload
 * is the organisation's full state: an upsert, where the newer aggregate version wins.
 */
@Injectable()
export class ProjectOrganisationHandler {
  constructor(private readonly directory: DirectoryRepository) {}

  async apply(manager: EntityManager, event: OrganisationEvent): Promise<'applied' | 'skipped'> {
    const { payload } = event;
    const applied = await this.directory.upsertIfNewer(manager, {
      id: payload.organisationId,
      type: payload.type,
      name: payload.name,
      regions: [...payload.regions],
      contacts: payload.contacts.map((contact) => ({
        name: contact.name,
        email: contact.email,
        function: contact.function,
        receivesNotifications: contact.receivesNotifications,
      })),
      // Version 2 names a service's competent Caisse; null for other organisations and while unknown.
      caisseId: payload.service?.caisseId ?? null,
      version: event.aggregateVersion,
      updatedAt: new Date(event.occurredAt),
    });
    // An older state than the one stored arrived late: nothing to change, and nothing to throw about.
    return applied ? 'applied' : 'skipped';
  }
}
