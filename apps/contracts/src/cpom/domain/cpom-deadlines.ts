import { addDays, type CalendarDate, daysBetween, shiftBy } from '@tripartite/calendar';
import type { PlatformEvent } from '@tripartite/events';
import type { Cpom } from './cpom';
import { subjectOf } from './cpom-events';

/** Deadline kinds of a CPOM; each kind is cancelled or moved as a whole. */
export const CpomDeadlineKind = {
  reviewReminder: 'cpom.review_reminder',
  reviewOverdue: 'cpom.review_overdue',
  termReminder: 'cpom.term_reminder',
  expiry: 'cpom.expiry',
  evaluationOverdue: 'cpom.evaluation_overdue',
} as const;

export const REVIEW_KINDS = [CpomDeadlineKind.reviewReminder, CpomDeadlineKind.reviewOverdue];
export const TERM_KINDS = [CpomDeadlineKind.termReminder, CpomDeadlineKind.expiry];

export interface CpomDeadlineOffsets {
  review: readonly string[];
  reviewOverdueAfter: string;
  term: readonly string[];
  evaluationOverdueAfter: string;
}

export interface PlannedDeadline {
  kind: string;
  discriminator: string;
  dueOn: CalendarDate;
  event: PlatformEvent;
}

export interface DeadlinePlan {
  due: PlannedDeadline[];
  past: PlannedDeadline[];
}

/**
 * Which deadlines a CPOM in force needs: reminders before its next review and the overdue alert after it;
 * reminders before its end, the expiry the day after its last day, and the alert while no final evaluation
 * is recorded. Reminders whose day has passed are kept apart (`past`, recorded as skipped, never fired: a CPOM
 * recorded as existing gets no reminder of a date gone by); the expiry is always kept, so an overdue one fires.
 */
export class CpomDeadlinePlan {
  constructor(private readonly offsets: CpomDeadlineOffsets) {}

  forReview(cpom: Cpom, today: CalendarDate): DeadlinePlan {
    const dueOn = cpom.nextReviewDueOn;
    if (!dueOn) return { due: [], past: [] };
    const subject = subjectOf(cpom);
    const reminders = this.offsets.review.map((offset): PlannedDeadline => {
      const on = shiftBy(dueOn, offset, -1);
      return {
        kind: CpomDeadlineKind.reviewReminder,
        discriminator: `${dueOn}/${offset}`,
        dueOn: on,
        event: {
          type: 'contract.review_due',
          payload: { ...subject, dueOn, daysLeft: daysBetween(on, dueOn) },
        },
      };
    });
    const overdue: PlannedDeadline = {
      kind: CpomDeadlineKind.reviewOverdue,
      discriminator: dueOn,
      dueOn: shiftBy(dueOn, this.offsets.reviewOverdueAfter, 1),
      event: { type: 'contract.review_overdue', payload: { ...subject, dueOn } },
    };
    return split(today, [...reminders, overdue], []);
  }

  forTerm(cpom: Cpom, today: CalendarDate): DeadlinePlan {
    const { periodEnd } = cpom.content;
    const subject = subjectOf(cpom);
    const reminders = this.offsets.term.map((offset): PlannedDeadline => {
      const on = shiftBy(addDays(periodEnd, 1), offset, -1);
      return {
        kind: CpomDeadlineKind.termReminder,
        discriminator: `${periodEnd}/${offset}`,
        dueOn: on,
        event: {
          type: 'contract.term_due',
          payload: { ...subject, periodEnd, monthsLeft: monthsOf(offset) },
        },
      };
    });
    const evaluationOn = shiftBy(addDays(periodEnd, 1), this.offsets.evaluationOverdueAfter, 1);
    const evaluationOverdue: PlannedDeadline = {
      kind: CpomDeadlineKind.evaluationOverdue,
      discriminator: periodEnd,
      dueOn: evaluationOn,
      // The term is past and no final evaluation is recorded (seed 002 II.4).
      event: {
        type: 'contract.evaluation_overdue',
        payload: { ...subject, periodEnd, monthsSinceEnd: monthsOf(this.offsets.evaluationOverdueAfter) },
      },
    };
    return split(
      today,
      [...reminders, evaluationOverdue],
      [
        {
          kind: CpomDeadlineKind.expiry,
          discriminator: periodEnd,
          dueOn: addDays(periodEnd, 1),
          event: { type: 'contract.expired', payload: { ...subject, periodEnd } },
        },
      ],
    );
  }
}

/** Whole months of an ISO duration (P12M → 12, P1Y → 12, P90D → 3). */
function monthsOf(isoDuration: string): number {
  const start = '2000-01-01';
  return Math.round(daysBetween(start, shiftBy(start, isoDuration, 1)) / 30.4);
}

function split(today: CalendarDate, reminders: PlannedDeadline[], always: PlannedDeadline[]): DeadlinePlan {
  return {
    due: [...reminders.filter((d) => d.dueOn >= today), ...always],
    past: reminders.filter((d) => d.dueOn < today),
  };
}
