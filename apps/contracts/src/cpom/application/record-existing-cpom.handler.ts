import { Injectable } from '@nestjs/common';
import { type CalendarDate, calendarDateAt } from '@tripartite/calendar';
import { Clock } from '@tripartite/clock';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { ServiceDirectory } from '../../directory/application/service-directory';
import { Cpom } from '../domain/cpom';
import { CpomRuleViolation } from '../domain/cpom.errors';
import type { CpomContent, CpomOpinion } from '../domain/cpom.types';
import { cpomEvents } from '../domain/cpom-events';
import { CpomRepository } from '../infrastructure/cpom.repository';
import { CpomAccess } from './cpom-access';
import { CpomChanges } from './cpom-changes';
import { CpomDeadlines } from './cpom-deadlines';
import { CpomParties } from './cpom-parties';
import { CpomPeriods } from './cpom-periods';

export type RecordExistingCpomCommand = CpomContent & {
  serviceId: string;
  direccteId: string;
  caisseId: string;
  signedOn: CalendarDate;
  reference: string | null;
  opinions: Omit<CpomOpinion, 'contentVersion'>[];
};

/**
 * A region joins with its CPOM already signed (its 2019–2023 or 2025–2029 generation): recorded with its
 * real dates, frozen with its SHA-256, its deadlines planned from today (reminders gone by are recorded as
 * skipped, never sent). The same rules hold: an SSTi with its DIRECCTE and competent Caisse (L.4622-10), five
 * years at most (D.4622-47), agreed on its signature date (seed 002 I.1), one CPOM in force at a time.
 * `contract.recorded` lets the agreements, indicators and notifications services project it like a signed one,
 * without telling anybody of a new signature.
 */
@Injectable()
export class RecordExistingCpomHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cpoms: CpomRepository,
    private readonly parties: CpomParties,
    private readonly periods: CpomPeriods,
    private readonly directory: ServiceDirectory,
    private readonly deadlines: CpomDeadlines,
    private readonly changes: CpomChanges,
    private readonly access: CpomAccess,
    private readonly clock: Clock,
  ) {}

  async execute(command: RecordExistingCpomCommand): Promise<Cpom> {
    const { serviceId, direccteId, caisseId, signedOn, reference, opinions, ...content } = command;
    this.access.assertCanWrite({ serviceId, direccteId, caisseId });
    const now = this.clock.now();
    const today = calendarDateAt(now);
    return this.dataSource.transaction(async (manager) => {
      const { service } = await this.parties.resolve(manager, { serviceId, direccteId, caisseId });
      const cpom = Cpom.recordExisting(
        uuidv7(),
        { serviceId, direccteId, caisseId, regions: [...service.regions] },
        content,
        { signedOn, reference, opinions },
        today,
      );
      if (!(await this.directory.isAgreedOn(serviceId, signedOn, manager))) {
        throw new CpomRuleViolation(
          'CPOM.SERVICE_NOT_AGREED',
          `the service holds no agrément in force on ${signedOn}`,
          'signedOn',
          "aucun CPOM ne peut être conclu si le service n'est pas préalablement agréé (seed 002 I.1)",
        );
      }
      await this.periods.assertNoOverlap(manager, cpom);
      await this.cpoms.insert(manager, cpom, now);
      await this.changes.record(manager, cpom, null, {
        action: 'cpom.recorded',
        summary: `${service.name}: existing CPOM recorded (${content.periodStart} to ${content.periodEnd}, signed ${signedOn})`,
        event: cpomEvents.recorded(cpom, reference),
      });
      if (cpom.status === 'SIGNED') {
        await this.deadlines.forReview(manager, cpom, today);
        await this.deadlines.forTerm(manager, cpom, today);
      }
      return cpom;
    });
  }
}
