import { Injectable } from '@nestjs/common';
import type { Agreement, ShorteningCommand } from '../domain/agreement';
import { TERM_KINDS } from '../domain/agreement-deadlines';
import { agreementEvents } from '../domain/agreement-events';
import { AgreementAuthority } from './agreement-authority';
import { AgreementChanges } from './agreement-changes';
import { AgreementDeadlines } from './agreement-deadlines';

/** The DIRECCTE shortens an agrément after a lapsed compliance notice, on its grounds (D.4622-51 2°). */
@Injectable()
export class ShortenAgreementHandler {
  constructor(
    private readonly changes: AgreementChanges,
    private readonly authority: AgreementAuthority,
    private readonly deadlines: AgreementDeadlines,
  ) {}

  execute(id: string, expectedVersion: number, command: ShorteningCommand): Promise<Agreement> {
    return this.changes.change(id, expectedVersion, async (agreement, { manager, today, versionBefore }) => {
      this.authority.assertDireccteOf(agreement);
      agreement.shorten(command, today);
      await this.changes.record(manager, agreement, {
        action: 'agreement.shortened',
        event: agreementEvents.shortened(agreement),
        versionBefore,
        summary: `shortened to ${command.validUntil} (${agreement.state.sanction?.grounds})`,
      });
      // The end moved: its reminders and expiry are planned again from the new end.
      await this.deadlines.cancel(manager, agreement.id, TERM_KINDS);
      await this.deadlines.forTerm(manager, agreement, today);
    });
  }
}
