import { Injectable } from '@nestjs/common';
import type { Agreement, WithdrawalCommand } from '../domain/agreement';
import { NOTICE_KINDS, TERM_KINDS } from '../domain/agreement-deadlines';
import { agreementEvents } from '../domain/agreement-events';
import { AgreementAuthority } from './agreement-authority';
import { AgreementChanges } from './agreement-changes';
import { AgreementDeadlines } from './agreement-deadlines';

/** The DIRECCTE withdraws an agrément after a lapsed compliance notice, on its grounds (D.4622-51 2°). */
@Injectable()
export class WithdrawAgreementHandler {
  constructor(
    private readonly changes: AgreementChanges,
    private readonly authority: AgreementAuthority,
    private readonly deadlines: AgreementDeadlines,
  ) {}

  execute(id: string, expectedVersion: number, command: WithdrawalCommand): Promise<Agreement> {
    return this.changes.change(id, expectedVersion, async (agreement, { manager, today, versionBefore }) => {
      this.authority.assertDireccteOf(agreement);
      agreement.withdraw(command, today);
      await this.changes.record(manager, agreement, {
        action: 'agreement.withdrawn',
        event: agreementEvents.withdrawn(agreement),
        versionBefore,
        summary: `withdrawn from ${command.withdrawnOn} (${agreement.state.sanction?.grounds})`,
      });
      // Nothing is left to remind of or to expire.
      await this.deadlines.cancel(manager, agreement.id, [...TERM_KINDS, ...NOTICE_KINDS]);
    });
  }
}
