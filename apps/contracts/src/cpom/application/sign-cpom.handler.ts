import { Injectable } from '@nestjs/common';
import { type CalendarDate, calendarDateAt } from '@tripartite/calendar';
import { Clock } from '@tripartite/clock';
import { DataSource } from 'typeorm';
import { ServiceDirectory } from '../../directory/application/service-directory';
import type { Cpom } from '../domain/cpom';
import { cpomEvents } from '../domain/cpom-events';
import { CpomAccess } from './cpom-access';
import { CpomChanges } from './cpom-changes';
import { CpomDeadlines } from './cpom-deadlines';
import { CpomPeriods } from './cpom-periods';

export interface SignCpomCommand {
  signedOn: CalendarDate;
  justification?: string | null;
}

/**
 * A person of one party signs (L.4622-10): the party is the token's organisation and role. The service's
 * agrément in force on the signature date comes from the directory's projection of `agreement.*` events
 * (seed 002 I.1), never from a call to the agreements service. The third signature publishes
 * `contract.signed` with the frozen text's SHA-256.
 */
@Injectable()
export class SignCpomHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: ServiceDirectory,
    private readonly periods: CpomPeriods,
    private readonly changes: CpomChanges,
    private readonly deadlines: CpomDeadlines,
    private readonly access: CpomAccess,
    private readonly clock: Clock,
  ) {}

  async execute(id: string, expectedVersion: number, command: SignCpomCommand): Promise<Cpom> {
    const now = this.clock.now();
    const actor = this.access.actor();
    return this.dataSource.transaction(async (manager) => {
      const cpom = await this.changes.load(manager, id, expectedVersion);
      const party = this.access.assertSignatory(cpom.state.parties);
      const versionBefore = cpom.version;
      const agreedOnSignatureDate = await this.directory.isAgreedOn(
        cpom.state.parties.serviceId,
        command.signedOn,
        manager,
      );
      const { complete } = cpom.sign(
        {
          party,
          organisationId: actor.organisationId ?? '',
          signatory: actor.subject,
          role: actor.roles.join(','),
          signedOn: command.signedOn,
          justification: command.justification ?? null,
        },
        { today: calendarDateAt(now), agreedOnSignatureDate },
      );
      if (complete) {
        await this.periods.assertNoOverlap(manager, cpom);
        await this.deadlines.forReview(manager, cpom, calendarDateAt(now));
        await this.deadlines.forTerm(manager, cpom, calendarDateAt(now));
      }
      await this.changes.save(
        manager,
        cpom,
        versionBefore,
        complete
          ? {
              action: 'contract.signed',
              summary: `CPOM signed by the ${party}, the third party: in force ${cpom.content.periodStart} to ${cpom.content.periodEnd}`,
              event: cpomEvents.signed(cpom),
            }
          : { action: 'cpom.signature_added', summary: `CPOM signed by the ${party} on ${command.signedOn}` },
        now,
      );
      return cpom;
    });
  }
}
