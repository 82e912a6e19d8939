import { Injectable } from '@nestjs/common';
import { type CalendarDate, calendarDateAt } from '@tripartite/calendar';
import { Clock } from '@tripartite/clock';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { PartnershipProtocol } from '../domain/partnership-protocol';
import { PartnershipProtocolInvalidError } from '../domain/partnership-protocol.errors';
import type { PartnershipTheme } from '../domain/partnership-protocol.types';
import { protocolPartyProblems } from '../domain/protocol-parties.rule';
import { PartnershipProtocolRepository } from '../infrastructure/partnership-protocol.repository';
import { PartnershipProtocolChanges } from './partnership-protocol-changes';
import { ProtocolAccess } from './protocol-access';
import { ProtocolDirectory } from './protocol-directory';

export interface OpenPartnershipProtocolCommand {
  serviceId: string;
  caisseId: string;
  title: string;
  themes: PartnershipTheme[];
  openedOn: CalendarDate;
}

/**
 * The Caisse and an SSTI open the negotiation of a partnership protocol (seed 000, programmes 2 and 6): one
 * of the two parties records it (or an administrator). The parties are checked against the directory (an
 * SSTI and its competent Caisse); the DIRECCTE of the service's region is found there and told
 * (`partnership_protocol.negotiation_opened`).
 */
@Injectable()
export class OpenPartnershipProtocolHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly protocols: PartnershipProtocolRepository,
    private readonly directory: ProtocolDirectory,
    private readonly changes: PartnershipProtocolChanges,
    private readonly access: ProtocolAccess,
    private readonly clock: Clock,
  ) {}

  async execute(command: OpenPartnershipProtocolCommand): Promise<PartnershipProtocol> {
    this.access.assertCanAct(command);
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const found = await this.directory.find(command.serviceId, command.caisseId, manager);
      const problems = protocolPartyProblems(found);
      if (problems.length > 0 || !found.service || !found.direccte) {
        throw new PartnershipProtocolInvalidError(problems);
      }
      const protocol = PartnershipProtocol.open(
        uuidv7(),
        {
          serviceId: found.service.id,
          caisseId: command.caisseId,
          direccteId: found.direccte.id,
          regions: [...found.service.regions].sort(),
        },
        { title: command.title, themes: command.themes, openedOn: command.openedOn },
        calendarDateAt(now),
      );
      await this.protocols.insert(manager, protocol, now);
      await this.changes.record(manager, protocol, {
        kind: 'open',
        versionBefore: null,
        summary: `${found.service.name} and ${found.caisse?.name}: negotiation of "${command.title}" opened on ${command.openedOn}`,
      });
      return protocol;
    });
  }
}
