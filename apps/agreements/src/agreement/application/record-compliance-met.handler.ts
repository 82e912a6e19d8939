import { Injectable } from '@nestjs/common';
import type { CalendarDate } from '@tripartite/calendar';
import type { Agreement } from '../domain/agreement';
import { NOTICE_KINDS } from '../domain/agreement-deadlines';
import { agreementEvents } from '../domain/agreement-events';
import { AgreementAuthority } from './agreement-authority';
import { AgreementChanges } from './agreement-changes';
import { AgreementDeadlines } from './agreement-deadlines';

/** The DIRECCTE records that the service complied in time: no withdrawal may rest on that notice (D.4622-51 2°). */
@Injectable()
export class RecordComplianceMetHandler {
  constructor(
    private readonly changes: AgreementChanges,
    private readonly authority: AgreementAuthority,
    private readonly deadlines: AgreementDeadlines,
  ) {}

  execute(id: string, expectedVersion: number, noticeId: string, metOn: CalendarDate): Promise<Agreement> {
    return this.changes.change(id, expectedVersion, async (agreement, { manager, today, versionBefore }) => {
      this.authority.assertDireccteOf(agreement);
      const notice = agreement.meetNotice(noticeId, metOn, today);
      await this.changes.record(manager, agreement, {
        action: 'agreement.compliance_notice_met',
        event: agreementEvents.noticeMet(agreement, notice),
        versionBefore,
        summary: `compliance notice ${notice.id} met on ${metOn}`,
      });
      await this.deadlines.cancel(manager, agreement.id, NOTICE_KINDS);
    });
  }
}
