import { Injectable } from '@nestjs/common';
import type { CalendarDate } from '@tripartite/calendar';
import type { Agreement } from '../domain/agreement';
import { AgreementAuthority } from './agreement-authority';
import { AgreementChanges } from './agreement-changes';

/**
 * After a withdrawal or shortening, the service's president informs every member company (D.4622-51); the
 * service (or its DIRECCTE) records when. Audited; other services need not hear of it.
 */
@Injectable()
export class RecordMemberInformationHandler {
  constructor(
    private readonly changes: AgreementChanges,
    private readonly authority: AgreementAuthority,
  ) {}

  execute(
    id: string,
    expectedVersion: number,
    informedOn: CalendarDate,
    text: string | null,
  ): Promise<Agreement> {
    return this.changes.change(id, expectedVersion, async (agreement, { manager, today, versionBefore }) => {
      this.authority.assertMaySpeakForService(agreement.state.serviceId, agreement.state.regions);
      agreement.recordMembersInformed(informedOn, text, today);
      await this.changes.record(manager, agreement, {
        action: 'agreement.member_companies_informed',
        versionBefore,
        summary: `member companies informed on ${informedOn}`,
        auditPayload: { informedOn, text },
      });
    });
  }
}
