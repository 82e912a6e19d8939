import { Injectable } from '@nestjs/common';
import type { CalendarDate } from '@tripartite/calendar';
import type { PartnershipProtocol } from '../domain/partnership-protocol';
import { PartnershipProtocolStep } from './partnership-protocol-step';

export interface RecordProtocolProgressCommand {
  recordedOn: CalendarDate;
  summary: string;
}

/**
 * A progress point on the protocol's actions; the DIRECCTE follows "la mise en œuvre des actions" (seed 000)
 * through `partnership_protocol.progress_recorded`.
 */
@Injectable()
export class RecordProtocolProgressHandler {
  constructor(private readonly steps: PartnershipProtocolStep) {}

  execute(
    id: string,
    expectedVersion: number,
    command: RecordProtocolProgressCommand,
  ): Promise<PartnershipProtocol> {
    return this.steps.execute(id, expectedVersion, {
      kind: 'record_progress',
      apply: (protocol, today) => protocol.recordProgress(command, today),
      summary: (protocol) =>
        `Progress point ${protocol.snapshot().progressPoints.length} recorded on ${command.recordedOn}`,
    });
  }
}
