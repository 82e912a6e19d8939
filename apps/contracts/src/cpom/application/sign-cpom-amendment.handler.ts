import { Injectable } from '@nestjs/common';
import { type CalendarDate, calendarDateAt } from '@tripartite/calendar';
import { Clock } from '@tripartite/clock';
import { DataSource } from 'typeorm';
import { ServiceDirectory } from '../../directory/application/service-directory';
import type { Cpom } from '../domain/cpom';
import { CpomDeadlineKind, REVIEW_KINDS, TERM_KINDS } from '../domain/cpom-deadlines';
import { cpomEvents } from '../domain/cpom-events';
import { CpomAccess } from './cpom-access';
import { CpomChanges } from './cpom-changes';
import { CpomDeadlines } from './cpom-deadlines';
import { CpomPeriods } from './cpom-periods';

/**
 * A person of one party signs an amendment (D.4622-47); with the third it applies as the next content version,
 * `contract.amended` carries the full contents (the indicators service projects them), and the term's
 * deadlines follow a moved end.
 */
@Injectable()
export class SignCpomAmendmentHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: ServiceDirectory,
    private readonly periods: CpomPeriods,
    private readonly deadlines: CpomDeadlines,
    private readonly changes: CpomChanges,
    private readonly access: CpomAccess,
    private readonly clock: Clock,
  ) {}

  async execute(id: string, number: number, expectedVersion: number, signedOn: CalendarDate): Promise<Cpom> {
    const now = this.clock.now();
    const today = calendarDateAt(now);
    const actor = this.access.actor();
    return this.dataSource.transaction(async (manager) => {
      const cpom = await this.changes.load(manager, id, expectedVersion);
      const party = this.access.assertSignatory(cpom.state.parties);
      const versionBefore = cpom.version;
      const endBefore = cpom.content.periodEnd;
      const agreedOnSignatureDate = await this.directory.isAgreedOn(
        cpom.state.parties.serviceId,
        signedOn,
        manager,
      );
      const { complete } = cpom.signAmendment(
        number,
        {
          party,
          organisationId: actor.organisationId ?? '',
          signatory: actor.subject,
          role: actor.roles.join(','),
          signedOn,
          justification: null,
        },
        { today, agreedOnSignatureDate },
      );
      if (complete) {
        await this.periods.assertNoOverlap(manager, cpom);
        if (cpom.content.periodEnd !== endBefore) {
          await this.deadlines.cancel(manager, cpom.id, [...TERM_KINDS, CpomDeadlineKind.evaluationOverdue]);
          await this.deadlines.forTerm(manager, cpom, today);
          // A review date now past the end is no more (the final evaluation takes over).
          if (cpom.nextReviewDueOn === null) await this.deadlines.cancel(manager, cpom.id, REVIEW_KINDS);
        }
      }
      await this.changes.save(
        manager,
        cpom,
        versionBefore,
        complete
          ? {
              action: 'contract.amended',
              summary: `amendment ${number} signed by the three parties: version ${cpom.state.contentVersion} in force`,
              event: cpomEvents.amended(cpom),
            }
          : {
              action: 'cpom.amendment_signature_added',
              summary: `amendment ${number} signed by the ${party}`,
            },
        now,
      );
      return cpom;
    });
  }
}
