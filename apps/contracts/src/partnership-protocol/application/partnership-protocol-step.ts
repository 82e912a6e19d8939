import { Injectable } from '@nestjs/common';
import { type CalendarDate, calendarDateAt } from '@tripartite/calendar';
import { Clock } from '@tripartite/clock';
import { assertVersionMatches, PreconditionFailedError } from '@tripartite/http';
import { DataSource } from 'typeorm';
import type { PartnershipProtocol } from '../domain/partnership-protocol';
import { PartnershipProtocolNotFoundError } from '../domain/partnership-protocol.errors';
import type { ProgressPoint } from '../domain/partnership-protocol.types';
import type { ProtocolStepKind } from '../domain/partnership-protocol-events';
import { PartnershipProtocolRepository } from '../infrastructure/partnership-protocol.repository';
import { PartnershipProtocolChanges } from './partnership-protocol-changes';
import { ProtocolAccess } from './protocol-access';

export interface ProtocolStep {
  kind: Exclude<ProtocolStepKind, 'open'>;
  /** Applies the step (the domain refuses what does not follow); a progress point returns the point. */
  apply: (protocol: PartnershipProtocol, today: CalendarDate) => ProgressPoint | undefined;
  summary: (protocol: PartnershipProtocol) => string;
}

/**
 * Runs one step of a protocol in one transaction: lock it, check that a party acts and the version the
 * caller read (If-Match), apply the step, then write the row, the event and the audit entry together. Any
 * refusal leaves nothing written.
 */
@Injectable()
export class PartnershipProtocolStep {
  constructor(
    private readonly dataSource: DataSource,
    private readonly protocols: PartnershipProtocolRepository,
    private readonly changes: PartnershipProtocolChanges,
    private readonly access: ProtocolAccess,
    private readonly clock: Clock,
  ) {}

  async execute(id: string, expectedVersion: number, step: ProtocolStep): Promise<PartnershipProtocol> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const protocol = await this.protocols.findById(id, manager, true);
      if (!protocol) throw new PartnershipProtocolNotFoundError(id);
      const parties = protocol.snapshot();
      this.access.assertCanRead(parties);
      this.access.assertCanAct(parties);
      assertVersionMatches(expectedVersion, protocol.version);
      const point = step.apply(protocol, calendarDateAt(now));
      if (!(await this.protocols.save(manager, protocol, expectedVersion, now))) {
        throw new PreconditionFailedError(expectedVersion, protocol.version);
      }
      await this.changes.record(manager, protocol, {
        kind: step.kind,
        point,
        versionBefore: expectedVersion,
        summary: step.summary(protocol),
      });
      return protocol;
    });
  }
}
