import { Injectable } from '@nestjs/common';
import { ChangeRecorder } from '@tripartite/platform';
import type { EntityManager } from 'typeorm';
import type { PartnershipProtocol } from '../domain/partnership-protocol';
import type { ProgressPoint } from '../domain/partnership-protocol.types';
import { type ProtocolStepKind, protocolEventOf } from '../domain/partnership-protocol-events';

/** The event (the DIRECCTE is told of every step) and the audit entry of each step, in its transaction. */
@Injectable()
export class PartnershipProtocolChanges {
  constructor(private readonly recorder: ChangeRecorder) {}

  record(
    manager: EntityManager,
    protocol: PartnershipProtocol,
    change: { kind: ProtocolStepKind; point?: ProgressPoint; versionBefore: number | null; summary: string },
  ): Promise<void> {
    const event = protocolEventOf(protocol, change.kind, change.point ?? null);
    return this.recorder.record(
      manager,
      {
        type: 'partnership_protocol',
        id: protocol.id,
        version: protocol.version,
        region: protocol.snapshot().regions[0] ?? null,
      },
      { action: event.type, versionBefore: change.versionBefore, summary: change.summary, event },
    );
  }
}
