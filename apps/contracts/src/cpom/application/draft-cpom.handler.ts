import { Injectable } from '@nestjs/common';
import { calendarDateAt } from '@tripartite/calendar';
import { Clock } from '@tripartite/clock';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { Cpom } from '../domain/cpom';
import type { CpomContent } from '../domain/cpom.types';
import { cpomEvents } from '../domain/cpom-events';
import { CpomRepository } from '../infrastructure/cpom.repository';
import { CpomAccess } from './cpom-access';
import { CpomChanges } from './cpom-changes';
import { CpomParties } from './cpom-parties';
import { CpomPeriods } from './cpom-periods';

export type DraftCpomCommand = CpomContent & { serviceId: string; direccteId: string; caisseId: string };

/**
 * One of the three parties opens a CPOM draft (seed 002 II.2): an SSTi, the DIRECCTE of its region, its
 * competent Caisse (L.4622-10), a period of at most five years (D.4622-47) not sharing a day with another
 * CPOM of the service past its draft.
 */
@Injectable()
export class DraftCpomHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cpoms: CpomRepository,
    private readonly parties: CpomParties,
    private readonly periods: CpomPeriods,
    private readonly changes: CpomChanges,
    private readonly access: CpomAccess,
    private readonly clock: Clock,
  ) {}

  async execute(command: DraftCpomCommand): Promise<Cpom> {
    const { serviceId, direccteId, caisseId, ...content } = command;
    this.access.assertCanWrite({ serviceId, direccteId, caisseId });
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const { service } = await this.parties.resolve(manager, { serviceId, direccteId, caisseId });
      const cpom = Cpom.draft(
        uuidv7(),
        { serviceId, direccteId, caisseId, regions: [...service.regions] },
        content,
        calendarDateAt(now),
      );
      await this.periods.assertNoOverlap(manager, cpom);
      await this.cpoms.insert(manager, cpom, now);
      await this.changes.record(manager, cpom, null, {
        action: 'contract.drafted',
        summary: `${service.name}: CPOM drafted (${content.periodStart} to ${content.periodEnd})`,
        event: cpomEvents.drafted(cpom),
      });
      return cpom;
    });
  }
}
