import { addDays, type CalendarDate, daysBetween, shiftBy } from '@tripartite/calendar';
import type { Agreement } from './agreement';
import type { ComplianceNotice } from './agreement.types';
import { agreementEnd, renewalFilingDeadline } from './agreement-term.rule';

/** Deadline kinds of an agrément; each kind is cancelled or moved as a whole. */
export const AgreementDeadlineKind = {
  renewalReminder: 'agreement.renewal_reminder',
  expiry: 'agreement.expiry',
  decisionWarning: 'agreement.decision_warning',
  decisionDeadline: 'agreement.decision_deadline',
  noticeReminder: 'agreement.notice_reminder',
  noticeDeadline: 'agreement.notice_deadline',
} as const;

export const TERM_KINDS = [AgreementDeadlineKind.renewalReminder, AgreementDeadlineKind.expiry];
export const DECISION_KINDS = [AgreementDeadlineKind.decisionWarning, AgreementDeadlineKind.decisionDeadline];
export const NOTICE_KINDS = [AgreementDeadlineKind.noticeReminder, AgreementDeadlineKind.noticeDeadline];

export interface ReminderOffsets {
  renewal: readonly string[];
  decision: readonly string[];
  notice: readonly string[];
}

/** One deadline to keep: what fires, on which Paris day, and the event it publishes. */
export interface PlannedDeadline {
  kind: string;
  /** Makes the deadline's id: the same plan scheduled twice keeps one deadline. */
  discriminator: string;
  dueOn: CalendarDate;
  eventType: string;
  payload: Record<string, unknown>;
}

/**
 * Which deadlines an agrément needs at each step, with their events. Reminders whose day has already
 * passed when they are planned are left out (a late renewal gets no reminder of a deadline gone by);
 * a deadline that changes the agrément's state is always kept, so the reconciler fires it at once.
 */
export class AgreementDeadlinePlan {
  constructor(private readonly offsets: ReminderOffsets) {}

  /** After a complete application: warnings to the DIRECCTE, then the implicit agrément (R.4622-52). */
  forApplication(agreement: Agreement, today: CalendarDate): PlannedDeadline[] {
    const s = agreement.state;
    const subject = subjectOf(agreement);
    const warnings = this.offsets.decision.map((offset) => {
      const dueOn = shiftBy(s.decisionDueOn, offset, -1);
      return {
        kind: AgreementDeadlineKind.decisionWarning,
        discriminator: offset,
        dueOn,
        eventType: 'agreement.decision_due',
        payload: {
          ...subject,
          decisionDueOn: s.decisionDueOn,
          daysLeft: daysBetween(dueOn, s.decisionDueOn),
        },
      };
    });
    return [
      ...warnings.filter((d) => d.dueOn >= today),
      {
        kind: AgreementDeadlineKind.decisionDeadline,
        discriminator: s.decisionDueOn,
        dueOn: s.decisionDueOn,
        eventType: 'agreement.implicitly_granted',
        // Provisional: the effect that grants the agrément when the day comes writes the final payload.
        payload: {
          ...subject,
          decisionDueOn: s.decisionDueOn,
          validFrom: s.decisionDueOn,
          validUntil: agreementEnd(s.decisionDueOn),
          employeesFollowed: s.employeesFollowed,
          renewalOf: s.previousAgreementId,
        },
      },
    ];
  }

  /**
   * Once granted (or its end moved): reminders before the renewal filing deadline (D.4622-50), then the
   * expiry the day after the last day. The discriminator holds the end date, so moving the end makes
   * new deadlines after the old ones are cancelled.
   */
  forTerm(agreement: Agreement, today: CalendarDate): PlannedDeadline[] {
    const s = agreement.state;
    const validUntil = s.validUntil as CalendarDate;
    const filingDeadline = renewalFilingDeadline(validUntil);
    const subject = subjectOf(agreement);
    const reminders = this.offsets.renewal.map((offset) => ({
      kind: AgreementDeadlineKind.renewalReminder,
      discriminator: `${validUntil}/${offset}`,
      dueOn: shiftBy(filingDeadline, offset, -1),
      eventType: 'agreement.renewal_due',
      payload: { ...subject, validUntil, filingDeadline, reminder: offset },
    }));
    // A renewed agrément needs no reminder to file its renewal.
    const wanted = s.supersededBy ? [] : reminders.filter((d) => d.dueOn >= today);
    return [
      ...wanted,
      {
        kind: AgreementDeadlineKind.expiry,
        discriminator: validUntil,
        dueOn: addDays(validUntil, 1),
        eventType: 'agreement.expired',
        payload: { ...subject, validUntil, renewedBy: s.supersededBy },
      },
    ];
  }

  /** A compliance notice: reminders before its deadline, then its lapse the day after (D.4622-51 2°). */
  forNotice(agreement: Agreement, notice: ComplianceNotice, today: CalendarDate): PlannedDeadline[] {
    const subject = subjectOf(agreement);
    const fields = { noticeId: notice.id, grounds: notice.grounds, deadlineOn: notice.deadlineOn };
    const reminders = this.offsets.notice.map((offset) => {
      const dueOn = shiftBy(notice.deadlineOn, offset, -1);
      return {
        kind: AgreementDeadlineKind.noticeReminder,
        discriminator: `${notice.id}/${offset}`,
        dueOn,
        eventType: 'agreement.compliance_notice_due',
        payload: { ...subject, ...fields, daysLeft: daysBetween(dueOn, notice.deadlineOn) },
      };
    });
    return [
      ...reminders.filter((d) => d.dueOn >= today),
      {
        kind: AgreementDeadlineKind.noticeDeadline,
        discriminator: notice.id,
        dueOn: addDays(notice.deadlineOn, 1),
        eventType: 'agreement.compliance_notice_lapsed',
        payload: { ...subject, ...fields },
      },
    ];
  }
}

/** The part of every agrément event that names its subject. */
export function subjectOf(agreement: Agreement) {
  const s = agreement.state;
  return {
    agreementId: agreement.id,
    serviceId: s.serviceId,
    serviceName: s.serviceName,
    regions: s.regions,
  };
}
