import { addDays, type CalendarDate, daysBetween, shiftBy } from '@tripartite/calendar';
import type { PlatformEvent } from '@tripartite/events';
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

/** One deadline to keep: what fires, on which Paris day, and the event it publishes (typed by the catalogue). */
export interface PlannedDeadline {
  kind: string;
  /** Makes the deadline's id: the same plan scheduled twice keeps one deadline. */
  discriminator: string;
  dueOn: CalendarDate;
  event: PlatformEvent;
}

/**
 * Which deadlines an agrément needs at each step, with their events. Reminders whose day has already
 * passed when they are planned are kept apart as `past` (a late renewal gets no reminder of a deadline gone
 * by; an agrément recorded as existing keeps a trace of them, never fired); a deadline that changes the
 * agrément's state is always kept, so the reconciler fires it at once.
 */
export class AgreementDeadlinePlan {
  constructor(private readonly offsets: ReminderOffsets) {}

  /** After a complete application: warnings to the DIRECCTE, then the implicit agrément (R.4622-52). */
  forApplication(agreement: Agreement, today: CalendarDate): DeadlinePlan {
    const s = agreement.state;
    const decisionDueOn = s.decisionDueOn;
    if (!decisionDueOn) return { due: [], past: [] };
    const subject = subjectOf(agreement);
    const warnings = this.offsets.decision.map((offset): PlannedDeadline => {
      const dueOn = shiftBy(decisionDueOn, offset, -1);
      return {
        kind: AgreementDeadlineKind.decisionWarning,
        discriminator: offset,
        dueOn,
        event: {
          type: 'agreement.decision_due',
          payload: { ...subject, decisionDueOn, daysLeft: daysBetween(dueOn, decisionDueOn) },
        },
      };
    });
    return splitAt(today, warnings, [
      {
        kind: AgreementDeadlineKind.decisionDeadline,
        discriminator: decisionDueOn,
        dueOn: decisionDueOn,
        // Provisional: the effect that grants the agrément when the day comes writes the final payload.
        event: {
          type: 'agreement.implicitly_granted',
          payload: {
            ...subject,
            decisionDueOn,
            validFrom: decisionDueOn,
            validUntil: agreementEnd(decisionDueOn),
            employeesFollowed: s.employeesFollowed,
            renewalOf: s.previousAgreementId,
          },
        },
      },
    ]);
  }

  /**
   * Once granted (or its end moved): reminders before the renewal filing deadline (D.4622-50), then the
   * expiry the day after the last day. The discriminator holds the end date, so moving the end makes
   * new deadlines after the old ones are cancelled.
   */
  forTerm(agreement: Agreement, today: CalendarDate): DeadlinePlan {
    const s = agreement.state;
    const validUntil = s.validUntil;
    if (!validUntil || s.status !== 'granted') return { due: [], past: [] };
    const filingDeadline = renewalFilingDeadline(validUntil);
    const subject = subjectOf(agreement);
    // A renewed agrément needs no reminder to file its renewal.
    const reminders = s.supersededBy
      ? []
      : this.offsets.renewal.map(
          (offset): PlannedDeadline => ({
            kind: AgreementDeadlineKind.renewalReminder,
            discriminator: `${validUntil}/${offset}`,
            dueOn: shiftBy(filingDeadline, offset, -1),
            event: {
              type: 'agreement.renewal_due',
              payload: { ...subject, validUntil, filingDeadline, reminder: offset },
            },
          }),
        );
    return splitAt(today, reminders, [
      {
        kind: AgreementDeadlineKind.expiry,
        discriminator: validUntil,
        dueOn: addDays(validUntil, 1),
        event: { type: 'agreement.expired', payload: { ...subject, validUntil, renewedBy: s.supersededBy } },
      },
    ]);
  }

  /** A compliance notice: reminders before its deadline, then its lapse the day after (D.4622-51 2°). */
  forNotice(agreement: Agreement, notice: ComplianceNotice, today: CalendarDate): DeadlinePlan {
    const subject = subjectOf(agreement);
    const fields = { noticeId: notice.id, grounds: notice.grounds, deadlineOn: notice.deadlineOn };
    const reminders = this.offsets.notice.map((offset): PlannedDeadline => {
      const dueOn = shiftBy(notice.deadlineOn, offset, -1);
      return {
        kind: AgreementDeadlineKind.noticeReminder,
        discriminator: `${notice.id}/${offset}`,
        dueOn,
        event: {
          type: 'agreement.compliance_notice_due',
          payload: { ...subject, ...fields, daysLeft: daysBetween(dueOn, notice.deadlineOn) },
        },
      };
    });
    return splitAt(today, reminders, [
      {
        kind: AgreementDeadlineKind.noticeDeadline,
        discriminator: notice.id,
        dueOn: addDays(notice.deadlineOn, 1),
        event: { type: 'agreement.compliance_notice_lapsed', payload: { ...subject, ...fields } },
      },
    ]);
  }
}

/** What a step plans: the deadlines to keep, and the reminders whose day had passed when it was planned. */
export interface DeadlinePlan {
  due: PlannedDeadline[];
  past: PlannedDeadline[];
}

/**
 * Reminders due from today on are kept; those gone by are set apart. A state-changing deadline (`always`) is
 * kept whatever its day: overdue, it fires at once.
 */
function splitAt(today: CalendarDate, reminders: PlannedDeadline[], always: PlannedDeadline[]): DeadlinePlan {
  return {
    due: [...reminders.filter((d) => d.dueOn >= today), ...always],
    past: reminders.filter((d) => d.dueOn < today),
  };
}

/** The part of every agrément event that names its subject. */
export function subjectOf(agreement: Agreement) {
  const s = agreement.state;
  return {
    agreementId: agreement.id,
    serviceId: s.serviceId,
    serviceName: s.serviceName,
    regions: s.regions,
    serviceType: s.serviceType,
    caisseId: s.caisseId,
  };
}
