import { Injectable } from '@nestjs/common';
import type { CalendarDate } from '@tripartite/calendar';
import type { PartnershipProtocol } from '../domain/partnership-protocol';
import { PartnershipProtocolStep } from './partnership-protocol-step';

export interface ConcludePartnershipProtocolCommand {
  concludedOn: CalendarDate;
  startsOn: CalendarDate;
  endsOn: CalendarDate | null;
}

/** The negotiation ends in a protocol (seed 000); the DIRECCTE is told (`partnership_protocol.concluded`). */
@Injectable()
export class ConcludePartnershipProtocolHandler {
  constructor(private readonly steps: PartnershipProtocolStep) {}

  execute(
    id: string,
    expectedVersion: number,
    command: ConcludePartnershipProtocolCommand,
  ): Promise<PartnershipProtocol> {
    return this.steps.execute(id, expectedVersion, {
      kind: 'conclude',
      apply: (protocol, today) => {
        protocol.conclude(command, today);
        return undefined;
      },
      summary: () =>
        `Concluded on ${command.concludedOn}, from ${command.startsOn}${command.endsOn ? ` to ${command.endsOn}` : ', without a term'}`,
    });
  }
}
