import { Injectable } from '@nestjs/common';
import type { CalendarDate } from '@tripartite/calendar';
import { v7 as uuidv7 } from 'uuid';
import type { Agreement } from '../domain/agreement';
import type { ComplianceGrounds } from '../domain/agreement.types';
import { agreementEvents } from '../domain/agreement-events';
import { AgreementAuthority } from './agreement-authority';
import { AgreementChanges } from './agreement-changes';
import { AgreementDeadlines } from './agreement-deadlines';

export interface ComplianceNoticeCommand {
  grounds: ComplianceGrounds;
  noticeOn: CalendarDate;
  deadlineOn: CalendarDate;
  text: string;
}

/** The DIRECCTE puts the service on notice to comply within at most six months (D.4622-51 2°), with reminders. */
@Injectable()
export class IssueComplianceNoticeHandler {
  constructor(
    private readonly changes: AgreementChanges,
    private readonly authority: AgreementAuthority,
    private readonly deadlines: AgreementDeadlines,
  ) {}

  execute(id: string, expectedVersion: number, command: ComplianceNoticeCommand): Promise<Agreement> {
    return this.changes.change(id, expectedVersion, async (agreement, { manager, today, versionBefore }) => {
      this.authority.assertDireccteOf(agreement);
      const notice = agreement.issueNotice({ id: uuidv7(), ...command }, today);
      await this.changes.record(manager, agreement, {
        action: 'agreement.compliance_notice_issued',
        event: agreementEvents.noticeIssued(agreement, notice),
        versionBefore,
        summary: `compliance notice (${notice.grounds}) until ${notice.deadlineOn}`,
      });
      await this.deadlines.forNotice(manager, agreement, notice, today);
    });
  }
}
