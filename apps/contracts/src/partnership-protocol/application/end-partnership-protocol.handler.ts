import { Injectable } from '@nestjs/common';
import type { CalendarDate } from '@tripartite/calendar';
import type { PartnershipProtocol } from '../domain/partnership-protocol';
import { PartnershipProtocolStep } from './partnership-protocol-step';

export interface EndPartnershipProtocolCommand {
  endedOn: CalendarDate;
  reason: string;
}

/** The protocol ends, or its negotiation is abandoned; the DIRECCTE is told (`partnership_protocol.ended`). */
@Injectable()
export class EndPartnershipProtocolHandler {
  constructor(private readonly steps: PartnershipProtocolStep) {}

  execute(
    id: string,
    expectedVersion: number,
    command: EndPartnershipProtocolCommand,
  ): Promise<PartnershipProtocol> {
    return this.steps.execute(id, expectedVersion, {
      kind: 'end',
      apply: (protocol, today) => {
        protocol.end(command, today);
        return undefined;
      },
      summary: () => `Ended on ${command.endedOn} (${command.reason})`,
    });
  }
}
