import { Injectable } from '@nestjs/common';
import { ChangeRecorder } from '@tripartite/platform';
import type { EntityManager } from 'typeorm';
import type { Organisation } from '../domain/organisation';

/**
 * The event and audit entry of a change to the directory: `organisation.registered` / `organisation.updated`
 * carry the organisation's full new state (other services keep their projections from it).
 */
@Injectable()
export class OrganisationChanges {
  constructor(private readonly recorder: ChangeRecorder) {}

  record(
    manager: EntityManager,
    organisation: Organisation,
    change: {
      kind: 'registered' | 'updated';
      versionBefore: number | null;
      summary: string;
      changed?: string[];
    },
  ): Promise<void> {
    const type = change.kind === 'registered' ? 'organisation.registered' : 'organisation.updated';
    return this.recorder.record(
      manager,
      {
        type: 'organisation',
        id: organisation.id,
        version: organisation.version,
        region: organisation.regions[0] ?? null,
      },
      {
        // The audit trail's names for directory changes, as the history API has always shown them.
        action: change.kind === 'registered' ? 'organisation.register' : 'organisation.update',
        versionBefore: change.versionBefore,
        summary: change.summary,
        event: { type, payload: organisation.snapshot() },
        auditPayload: change.changed ? { changed: change.changed } : undefined,
      },
    );
  }
}
