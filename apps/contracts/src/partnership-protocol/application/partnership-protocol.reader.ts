import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ProtocolState } from '../domain/partnership-protocol.types';
import { PartnershipProtocolRepository } from '../infrastructure/partnership-protocol.repository';

/** A protocol as the CPOM annexes it (seed 002 II.4: "protocoles de partenariat Caisse/SSTI"). */
export interface PartnershipProtocolText extends ProtocolState {
  protocolId: string;
}

/** What the rest of the contracts service reads of the protocols: plain data, no scope check. */
@Injectable()
export class PartnershipProtocolReader {
  constructor(private readonly protocols: PartnershipProtocolRepository) {}

  /** The service's concluded protocols (in force or ended), the oldest first: what its CPOM may annex. */
  async concludedFor(serviceId: string, manager?: EntityManager): Promise<PartnershipProtocolText[]> {
    return (await this.protocols.forService(serviceId, manager))
      .map((protocol) => ({ protocolId: protocol.id, ...protocol.snapshot() }))
      .filter((protocol) => protocol.concludedOn !== null);
  }
}
