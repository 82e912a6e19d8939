import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@tripartite/audit';
import type { PlatformCatalogue, PlatformEventType } from '@tripartite/events';
import { OutboxWriter, type PayloadInput } from '@tripartite/messaging';
import type { EntityManager } from 'typeorm';
import type { Agreement } from '../domain/agreement';

/**
 * What every change to an agrément leaves besides its row, in the same transaction: the event that
 * tells the other services, and the audit entry.
 */
@Injectable()
export class AgreementChangeRecorder {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditTrail,
  ) {}

  async record<T extends PlatformEventType>(
    manager: EntityManager,
    agreement: Agreement,
    change: {
      action: string;
      /** The event to publish; none for a change other services need not hear of. */
      event?: { type: T; payload: PayloadInput<PlatformCatalogue, T> };
      versionBefore: number | null;
      summary: string;
      payload?: Record<string, unknown>;
    },
  ): Promise<void> {
    if (change.event) {
      await this.outbox.append(manager, {
        type: change.event.type,
        aggregateId: agreement.id,
        aggregateVersion: agreement.version,
        region: agreement.state.regions[0] ?? null,
        payload: change.event.payload,
      });
    }
    await this.audit.record(manager, {
      action: change.action,
      aggregateType: 'agreement',
      aggregateId: agreement.id,
      versionBefore: change.versionBefore,
      versionAfter: agreement.version,
      summary: change.summary,
      payload: change.payload ?? (change.event?.payload as Record<string, unknown> | undefined),
    });
  }
}
