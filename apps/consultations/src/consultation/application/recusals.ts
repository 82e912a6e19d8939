import { Injectable } from '@nestjs/common';
import type { CalendarDate } from '@tripartite/calendar';
import type { EntityManager } from 'typeorm';
import type { Member } from '../../body/domain/body.types';
import { type Recusal, recusedMembers } from '../../body/domain/recusal.rule';
import { DirectoryRepository } from '../../directory/infrastructure/directory.repository';
import type { Consultation } from '../domain/consultation';

/**
 * D.4622-44 for one consultation: the members whose declaration of interests links them, on the session day, to
 * the service whose CPOM is examined (named from the directory in the link). Shared by the session and the opinion.
 */
@Injectable()
export class Recusals {
  constructor(private readonly directory: DirectoryRepository) {}

  async onSessionDay(
    manager: EntityManager,
    c: Consultation,
    members: readonly Member[],
    sessionOn: CalendarDate,
  ): Promise<Recusal[]> {
    const service = await this.directory.findOrganisation(c.state.serviceId, manager);
    return recusedMembers(members, { id: c.state.serviceId, name: service?.name ?? 'le service' }, sessionOn);
  }
}
