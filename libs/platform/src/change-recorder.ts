import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@tripartite/audit';
import type { PlatformEvent } from '@tripartite/events';
import { OutboxWriter } from '@tripartite/messaging';
import type { EntityManager } from 'typeorm';

/** The aggregate a change happened to, as the event envelope and the audit trail name it. */
export interface ChangedAggregate {
  /** `agreement`, `organisation`, `service_project`, `cpom`…: the audit trail's aggregate type. */
  type: string;
  id: string;
  /** Its version after the change. */
  version: number;
  /** The region the change concerns (the event's routing region); null for national facts. */
  region: string | null;
}

export interface Change {
  /** What the audit trail calls the change (`agreement.withdrawn`); usually the event type. */
  action: string;
  versionBefore: number | null;
  summary: string;
  /** The event that tells the other services, checked against the catalogue at compile time; none for a change they need not hear of. */
  event?: PlatformEvent;
  /** What the audit entry keeps; the event's payload by default. */
  auditPayload?: Record<string, unknown>;
}

/**
 * What every change of every slice leaves besides its rows, in the command's transaction: the event (outbox)
 * and the audit entry. One recorder for all slices: the change, its event and its trace commit together or
 * not at all.
 */
@Injectable()
export class ChangeRecorder {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditTrail,
  ) {}

  async record(manager: EntityManager, aggregate: ChangedAggregate, change: Change): Promise<void> {
    if (change.event) {
      await this.outbox.append(manager, {
        ...change.event,
        aggregateId: aggregate.id,
        aggregateVersion: aggregate.version,
        region: aggregate.region,
      });
    }
    await this.audit.record(manager, {
      action: change.action,
      aggregateType: aggregate.type,
      aggregateId: aggregate.id,
      versionBefore: change.versionBefore,
      versionAfter: aggregate.version,
      summary: change.summary,
      payload: change.auditPayload ?? (change.event?.payload as Record<string, unknown> | undefined),
    });
  }
}
