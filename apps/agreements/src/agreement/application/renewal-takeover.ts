import { Injectable } from '@nestjs/common';
import type { CalendarDate } from '@tripartite/calendar';
import type { EntityManager } from 'typeorm';
import type { Agreement } from '../domain/agreement';
import { badDate, PLATFORM_RULE } from '../domain/agreement.errors';
import { TERM_KINDS } from '../domain/agreement-deadlines';
import { AgreementRepository } from '../infrastructure/agreement.repository';
import { AgreementChanges } from './agreement-changes';
import { AgreementDeadlines } from './agreement-deadlines';

/**
 * A renewal takes over from its start date: the renewed agrément ends the day before, its expiry moves there
 * and its renewal reminders stop. One step shared by the explicit decision and the implicit agrément (the
 * deadline effect), written before the renewal's own row so the no-overlap constraint sees the periods side by side.
 */
@Injectable()
export class RenewalTakeover {
  constructor(
    private readonly agreements: AgreementRepository,
    private readonly changes: AgreementChanges,
    private readonly deadlines: AgreementDeadlines,
  ) {}

  async apply(manager: EntityManager, renewal: Agreement, today: CalendarDate, now: Date): Promise<void> {
    const previousId = renewal.state.previousAgreementId;
    if (!previousId) return;
    const previous = await this.agreements.findById(previousId, manager, true);
    if (previous?.status !== 'granted') return;
    const validFrom = renewal.state.validFrom as CalendarDate;
    if (validFrom <= (previous.state.validFrom as CalendarDate)) {
      throw badDate(
        'validFrom',
        `must be after the start of the renewed agrément (${previous.state.validFrom})`,
        `a renewal takes over from its start date (${PLATFORM_RULE})`,
      );
    }
    const loadedVersion = previous.version;
    const moved = previous.supersede(renewal.id, validFrom);
    await this.agreements.update(manager, previous, loadedVersion, now);
    await this.changes.record(manager, previous, {
      action: 'agreement.superseded',
      versionBefore: loadedVersion,
      summary: `renewed by ${renewal.id} from ${validFrom}${moved ? `; now ends ${previous.state.validUntil}` : ''}`,
      auditPayload: { renewedBy: renewal.id, validUntil: previous.state.validUntil },
    });
    await this.deadlines.cancel(manager, previous.id, TERM_KINDS);
    await this.deadlines.forTerm(manager, previous, today);
  }
}
