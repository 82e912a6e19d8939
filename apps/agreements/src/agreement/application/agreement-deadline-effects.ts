import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AuditTrail } from '@tripartite/audit';
import { type CalendarDate, calendarDateAt } from '@tripartite/calendar';
import { type Deadline, DeadlineEffects, type DeadlineEvent } from '@tripartite/deadlines';
import type { EntityManager } from 'typeorm';
import type { Agreement } from '../domain/agreement';
import { AgreementDeadlineKind } from '../domain/agreement-deadlines';
import { agreementPayloads } from '../domain/agreement-event-payloads';
import { AgreementRepository } from '../infrastructure/agreement.repository';
import { AgreementCommands } from './agreement-commands';
import { AgreementDeadlines } from './agreement-deadlines';

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
    private readonly commands: AgreementCommands,
    private readonly deadlines: AgreementDeadlines,
    private readonly audit: AuditTrail,
  ) {}

  onModuleInit(): void {
    this.effects.register(AgreementDeadlineKind.decisionDeadline, (m, d, now) =>
      this.grantImplicitly(m, d, now),
    );
    this.effects.register(AgreementDeadlineKind.expiry, (m, d, now) => this.expire(m, d, now));
    this.effects.register(AgreementDeadlineKind.noticeDeadline, (m, d, now) => this.lapseNotice(m, d, now));
  }

  private async grantImplicitly(
    manager: EntityManager,
    deadline: Deadline,
    now: Date,
  ): Promise<DeadlineEvent | null> {
    return this.onAgreement(
      manager,
      deadline,
      now,
      'agreement.implicitly_granted',
      async (agreement, today) => {
        await this.agreements.lockService(manager, agreement.state.serviceId);
        const previousId = agreement.state.previousAgreementId;
        const previous = previousId ? await this.agreements.findById(previousId, manager, true) : null;
        const renewedValidUntil = previous?.status === 'granted' ? previous.state.validUntil : null;
        if (!agreement.grantImplicitly(renewedValidUntil)) return null;
        await this.commands.takeOverFromRenewed(manager, agreement, today);
        await this.deadlines.cancel(manager, agreement.id, [AgreementDeadlineKind.decisionWarning]);
        await this.deadlines.forTerm(manager, agreement, today);
        return agreementPayloads.implicitlyGranted(agreement);
      },
    );
  }

  private async expire(manager: EntityManager, deadline: Deadline, now: Date): Promise<DeadlineEvent | null> {
    return this.onAgreement(manager, deadline, now, 'agreement.expired', async (agreement) => {
      // A deadline planned for an end that has since moved is not this agrément's expiry any more.
      const plannedEnd = (deadline.event.payload as { validUntil?: string }).validUntil;
      if (plannedEnd !== agreement.state.validUntil) return null;
      return agreement.expire() ? agreementPayloads.expired(agreement) : null;
    });
  }

  private async lapseNotice(
    manager: EntityManager,
    deadline: Deadline,
    now: Date,
  ): Promise<DeadlineEvent | null> {
    return this.onAgreement(
      manager,
      deadline,
      now,
      'agreement.compliance_notice_lapsed',
      async (agreement) => {
        const noticeId = (deadline.event.payload as { noticeId: string }).noticeId;
        const notice = agreement.lapseNotice(noticeId);
        return notice ? agreementPayloads.notice(agreement, notice) : null;
      },
    );
  }

  /** Loads and locks the agrément, applies the change, saves it with its audit entry, answers the event. */
  private async onAgreement(
    manager: EntityManager,
    deadline: Deadline,
    now: Date,
    eventType: string,
    change: (agreement: Agreement, today: CalendarDate) => Promise<Record<string, unknown> | null>,
  ): Promise<DeadlineEvent | null> {
    const agreement = await this.agreements.findById(deadline.subjectId, manager, true);
    if (!agreement) return null;
    const loadedVersion = agreement.version;
    const payload = await change(agreement, calendarDateAt(now));
    if (!payload) return null;
    await this.agreements.update(manager, agreement, loadedVersion, now);
    await this.audit.record(manager, {
      action: eventType,
      aggregateType: 'agreement',
      aggregateId: agreement.id,
      versionBefore: loadedVersion,
      versionAfter: agreement.version,
      summary: `${eventType} (deadline ${deadline.id})`,
      payload,
    });
    return { type: eventType, aggregateVersion: agreement.version, payload };
  }
}
