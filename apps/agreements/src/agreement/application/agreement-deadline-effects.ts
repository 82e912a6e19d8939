import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type CalendarDate, calendarDateAt } from '@tripartite/calendar';
import { type Deadline, DeadlineEffects, type PlannedEvent } from '@tripartite/deadlines';
import type { PlatformEvent } from '@tripartite/events';
import type { EntityManager } from 'typeorm';
import type { Agreement } from '../domain/agreement';
import { AgreementDeadlineKind } from '../domain/agreement-deadlines';
import { agreementEvents } from '../domain/agreement-events';
import { AgreementRepository } from '../infrastructure/agreement.repository';
import { AgreementChanges } from './agreement-changes';
import { AgreementDeadlines } from './agreement-deadlines';
import { RenewalTakeover } from './renewal-takeover';

/**
 * What the agrément's state-changing deadlines do when they fire, in the firing transaction (so the
 * change and its event commit together, once): silence becomes an implicit agrément (R.4622-52), the
 * end date expires it, a notice's deadline lapses (D.4622-51 2°). Reminders need no effect.
 */
@Injectable()
export class AgreementDeadlineEffects implements OnModuleInit {
  constructor(
    private readonly effects: DeadlineEffects,
    private readonly agreements: AgreementRepository,
    private readonly changes: AgreementChanges,
    private readonly deadlines: AgreementDeadlines,
    private readonly takeover: RenewalTakeover,
  ) {}

  onModuleInit(): void {
    this.effects.register(AgreementDeadlineKind.decisionDeadline, (m, d, now) =>
      this.onAgreement(m, d, now, (agreement, today) => this.grantImplicitly(m, agreement, today, now)),
    );
    this.effects.register(AgreementDeadlineKind.expiry, (m, d, now) =>
      this.onAgreement(m, d, now, async (agreement) => this.expire(agreement, d)),
    );
    this.effects.register(AgreementDeadlineKind.noticeDeadline, (m, d, now) =>
      this.onAgreement(m, d, now, async (agreement) => this.lapseNotice(agreement, d)),
    );
  }

  private async grantImplicitly(
    manager: EntityManager,
    agreement: Agreement,
    today: CalendarDate,
    now: Date,
  ): Promise<PlatformEvent | null> {
    await this.agreements.lockService(manager, agreement.state.serviceId);
    const previousId = agreement.state.previousAgreementId;
    const previous = previousId ? await this.agreements.findById(previousId, manager, true) : null;
    const renewedValidUntil = previous?.status === 'granted' ? previous.state.validUntil : null;
    if (!agreement.grantImplicitly(renewedValidUntil)) return null;
    await this.takeover.apply(manager, agreement, today, now);
    await this.deadlines.cancel(manager, agreement.id, [AgreementDeadlineKind.decisionWarning]);
    await this.deadlines.forTerm(manager, agreement, today);
    return agreementEvents.implicitlyGranted(agreement);
  }

  private expire(agreement: Agreement, deadline: Deadline): PlatformEvent | null {
    // A deadline planned for an end that has since moved is not this agrément's expiry any more.
    const plannedEnd = (deadline.event.payload as { validUntil?: string }).validUntil;
    if (plannedEnd !== agreement.state.validUntil) return null;
    return agreement.expire() ? agreementEvents.expired(agreement) : null;
  }

  private lapseNotice(agreement: Agreement, deadline: Deadline): PlatformEvent | null {
    const noticeId = (deadline.event.payload as { noticeId: string }).noticeId;
    const notice = agreement.lapseNotice(noticeId);
    return notice ? agreementEvents.noticeLapsed(agreement, notice) : null;
  }

  /** Loads and locks the agrément, applies the change, saves it with its audit entry, answers the event. */
  private async onAgreement(
    manager: EntityManager,
    deadline: Deadline,
    now: Date,
    change: (agreement: Agreement, today: CalendarDate) => Promise<PlatformEvent | null>,
  ): Promise<PlannedEvent | null> {
    const agreement = await this.agreements.findById(deadline.subjectId, manager, true);
    if (!agreement) return null;
    const versionBefore = agreement.version;
    const event = await change(agreement, calendarDateAt(now));
    if (!event) return null;
    await this.agreements.update(manager, agreement, versionBefore, now);
    // The deadline module publishes the event with the firing; the audit entry says which deadline it was.
    await this.changes.record(manager, agreement, {
      action: event.type,
      versionBefore,
      summary: `${event.type} (deadline ${deadline.id})`,
      auditPayload: event.payload,
    });
    return { ...event, aggregateVersion: agreement.version };
  }
}
