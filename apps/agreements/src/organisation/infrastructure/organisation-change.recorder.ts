import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@tripartite/audit';
import { organisationRegistered, organisationUpdated } from '@tripartite/events';
import { OutboxWriter } from '@tripartite/messaging';
import type { EntityManager } from 'typeorm';
import type { Organisation } from '../domain/organisation';

const events = { register: organisationRegistered.type, update: organisationUpdated.type } as const;

/**
 * What every change to the directory leaves besides its row, in the same transaction: the event carrying
 * the organisation's full new state (other services keep their projections from it) and the audit entry.
 */
@Injectable()
export class OrganisationChangeRecorder {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditTrail,
  ) {}

  async record(
    manager: EntityManager,
    organisation: Organisation,
    change: {
      kind: keyof typeof events;
      versionBefore: number | null;
      summary: string;
      payload?: Record<string, unknown>;
    },
  ): Promise<void> {
    await this.outbox.append(manager, {
      type: events[change.kind],
      aggregateId: organisation.id,
      aggregateVersion: organisation.version,
      region: organisation.regions[0] ?? null,
      payload: organisation.snapshot(),
    });
    await this.audit.record(manager, {
      action: `organisation.${change.kind}`,
      aggregateType: 'organisation',
      aggregateId: organisation.id,
      versionBefore: change.versionBefore,
      versionAfter: organisation.version,
      summary: change.summary,
      payload: change.payload,
    });
  }
}
