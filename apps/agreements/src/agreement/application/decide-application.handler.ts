import { Injectable } from '@nestjs/common';
import { Clock } from '@tripartite/clock';
import type { Agreement, GrantCommand, RefusalCommand } from '../domain/agreement';
import { AgreementRuleViolation } from '../domain/agreement.errors';
import { DECISION_KINDS } from '../domain/agreement-deadlines';
import { agreementEvents } from '../domain/agreement-events';
import { examinationProblems } from '../domain/renewal-examination.rule';
import { AgreementRepository } from '../infrastructure/agreement.repository';
import { AgreementAuthority } from './agreement-authority';
import { AgreementChanges } from './agreement-changes';
import { AgreementDeadlines } from './agreement-deadlines';
import { RenewalDocuments } from './renewal-documents';
import { RenewalTakeover } from './renewal-takeover';

export type DecisionCommand = GrantCommand | ({ outcome: 'refused' } & RefusalCommand);

/**
 * The DIRECCTE decides an application: granted for five years, conditional (at most two years, against a
 * dated commitment, never twice in a row) or refused with reasons (D.4622-48, D.4622-51 1°). A decision on a
 * renewal records what the DIRECCTE found of the CPOM and the service project (seed 002 I.1), checked against
 * what the platform knows of them. The decision warnings and the implicit agrément are called off.
 */
@Injectable()
export class DecideApplicationHandler {
  constructor(
    private readonly changes: AgreementChanges,
    private readonly authority: AgreementAuthority,
    private readonly agreements: AgreementRepository,
    private readonly deadlines: AgreementDeadlines,
    private readonly takeover: RenewalTakeover,
    private readonly renewalDocuments: RenewalDocuments,
    private readonly clock: Clock,
  ) {}

  execute(id: string, expectedVersion: number, command: DecisionCommand): Promise<Agreement> {
    return this.changes.change(id, expectedVersion, async (agreement, { manager, today, versionBefore }) => {
      this.authority.assertDireccteOf(agreement);
      if (command.renewalExamination) {
        const known = await this.renewalDocuments.knownFor(agreement.state.serviceId, today);
        const problems = examinationProblems(command.renewalExamination, known);
        if (problems.length > 0) {
          const [first] = problems;
          throw new AgreementRuleViolation(
            'AGREEMENT.EXAMINATION_CONTRADICTS_RECORDS',
            first.message,
            first.field,
            first.rule,
          );
        }
      }
      if (command.outcome === 'refused') {
        agreement.refuse(command, today);
        await this.changes.record(manager, agreement, {
          action: 'agreement.refused',
          event: agreementEvents.refused(agreement),
          versionBefore,
          summary: 'application refused',
        });
        await this.deadlines.cancel(manager, agreement.id, DECISION_KINDS);
        return;
      }
      await this.agreements.lockService(manager, agreement.state.serviceId);
      const history = await this.agreements.grantedHistory(manager, agreement.state.serviceId);
      agreement.grant(command, { previousWasConditional: history[0]?.state.conditional ?? false, today });
      await this.takeover.apply(manager, agreement, today, this.clock.now());
      await this.changes.record(manager, agreement, {
        action: 'agreement.granted',
        event: agreementEvents.granted(agreement),
        versionBefore,
        summary: `${command.outcome} from ${agreement.state.validFrom} through ${agreement.state.validUntil}`,
      });
      await this.deadlines.cancel(manager, agreement.id, DECISION_KINDS);
      await this.deadlines.forTerm(manager, agreement, today);
    });
  }
}
