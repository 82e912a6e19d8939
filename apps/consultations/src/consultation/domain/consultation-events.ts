import { addDays, type CalendarDate, daysBetween } from '@tripartite/calendar';
import type { PlatformEvent } from '@tripartite/events';
import type { Consultation } from './consultation';
import { remindersBefore } from './reminder-plan';

/** The part of every consultation event that names its subject. */
export function subjectOf(consultation: Consultation) {
  const s = consultation.state;
  return {
    consultationId: s.id,
    contractId: s.contractId,
    contractVersion: s.contractVersion,
    serviceId: s.serviceId,
    regions: s.regions,
    bodyId: s.bodyId,
    bodyKind: s.bodyKind,
    bodyName: s.bodyName,
    consultedOrganisationId: s.consultedOrganisationId,
  };
}

export const consultationEvents = {
  requested(c: Consultation): PlatformEvent<'consultation.requested'> {
    return {
      type: 'consultation.requested',
      payload: { ...subjectOf(c), requestedOn: c.state.requestedOn, answerDueOn: c.state.answerDueOn },
    };
  },

  sessionScheduled(c: Consultation): PlatformEvent<'consultation.session_scheduled'> {
    const session = c.state.session;
    if (!session) throw new Error('no session scheduled');
    return {
      type: 'consultation.session_scheduled',
      payload: { ...subjectOf(c), sessionOn: session.sessionOn, recusedMembers: session.recused },
    };
  },

  opinionDelivered(c: Consultation): PlatformEvent<'consultation.opinion_delivered'> {
    const opinion = c.state.opinion;
    if (!opinion) throw new Error('no opinion delivered');
    return {
      type: 'consultation.opinion_delivered',
      payload: {
        ...subjectOf(c),
        outcome: opinion.outcome,
        deliveredOn: opinion.deliveredOn,
        text: opinion.text,
        votes: opinion.votes,
      },
    };
  },

  closed(c: Consultation): PlatformEvent<'consultation.closed'> {
    const { closedOn, closeReason } = c.state;
    if (!closedOn || !closeReason) throw new Error('not closed');
    return { type: 'consultation.closed', payload: { ...subjectOf(c), closedOn, reason: closeReason } };
  },

  /** Every opinion of the plan on this version is in (D.4622-44): the CPOM may be signed. */
  completed(
    all: readonly Consultation[],
    completedOn: CalendarDate,
  ): PlatformEvent<'consultation.completed'> {
    const first = all[0];
    if (!first) throw new Error('no consultation');
    const s = first.state;
    return {
      type: 'consultation.completed',
      payload: {
        contractId: s.contractId,
        contractVersion: s.contractVersion,
        serviceId: s.serviceId,
        regions: s.regions,
        completedOn,
        opinions: all.map((c) => {
          const opinion = c.state.opinion;
          if (!opinion) throw new Error(`consultation ${c.id} has no opinion`);
          return {
            consultationId: c.id,
            bodyKind: c.state.bodyKind,
            bodyName: c.state.bodyName,
            outcome: opinion.outcome,
            deliveredOn: opinion.deliveredOn,
            text: opinion.text,
          };
        }),
      },
    };
  },
};

export const ConsultationDeadlineKind = {
  reminder: 'consultation.answer_reminder',
  overdue: 'consultation.answer_overdue',
} as const;

/** One answer deadline (the shape `PlannedDeadlines` keeps). */
export interface PlannedConsultationDeadline {
  kind: string;
  discriminator: string;
  dueOn: CalendarDate;
  event: PlatformEvent;
}

/**
 * The answer deadline's reminders to the body (`daysBefore`, default 14 and 3 days and on the day) and the
 * overdue alert the day after (platform setting: no legal deadline exists, domain.md). Reminders whose day
 * had passed are set apart (recorded as skipped, never fired).
 */
export function answerDeadlines(
  c: Consultation,
  daysBefore: readonly number[],
  today: CalendarDate,
): { due: PlannedConsultationDeadline[]; past: PlannedConsultationDeadline[] } {
  const answerDueOn = c.state.answerDueOn;
  const subject = subjectOf(c);
  const { due, past } = remindersBefore(answerDueOn, daysBefore, today);
  const reminder = (r: { daysBefore: number; dueOn: CalendarDate }): PlannedConsultationDeadline => ({
    kind: ConsultationDeadlineKind.reminder,
    discriminator: String(r.daysBefore),
    dueOn: r.dueOn,
    event: {
      type: 'consultation.answer_due',
      payload: { ...subject, answerDueOn, daysLeft: daysBetween(r.dueOn, answerDueOn) },
    },
  });
  return {
    due: [
      ...due.map(reminder),
      {
        kind: ConsultationDeadlineKind.overdue,
        discriminator: answerDueOn,
        // The day after the last day to answer.
        dueOn: addDays(answerDueOn, 1),
        event: { type: 'consultation.answer_overdue', payload: { ...subject, answerDueOn } },
      },
    ],
    past: past.map(reminder),
  };
}
