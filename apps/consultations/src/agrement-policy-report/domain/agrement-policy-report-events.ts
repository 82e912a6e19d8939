import { type CalendarDate, daysBetween } from '@tripartite/calendar';
import type { PlatformEvent } from '@tripartite/events';
import { remindersBefore } from '../../consultation/domain/reminder-plan';
import type { AgrementPolicyReport } from './agrement-policy-report';

export const REPORT_REMINDER_KIND = 'consultation.agrement_policy_report_reminder';

const subjectOf = (report: AgrementPolicyReport) => ({
  reportId: report.id,
  regions: [report.state.region],
  year: report.state.year,
});

/** The reminders to the DIRECCTE before the information is due (those gone by are set apart). */
export function reportReminders(
  report: AgrementPolicyReport,
  daysBefore: readonly number[],
  today: CalendarDate,
) {
  const dueOn = report.state.dueOn;
  const toPlanned = (r: { daysBefore: number; dueOn: CalendarDate }) => ({
    kind: REPORT_REMINDER_KIND,
    discriminator: String(r.daysBefore),
    dueOn: r.dueOn,
    event: {
      type: 'consultation.agrement_policy_report_due',
      payload: { ...subjectOf(report), dueOn, daysLeft: daysBetween(r.dueOn, dueOn) },
    } satisfies PlatformEvent<'consultation.agrement_policy_report_due'>,
  });
  const { due, past } = remindersBefore(dueOn, daysBefore, today);
  return { due: due.map(toPlanned), past: past.map(toPlanned) };
}

export function reportPresented(
  report: AgrementPolicyReport,
): PlatformEvent<'consultation.agrement_policy_report_presented'> {
  const { bodyId, presentedOn, figures } = report.state;
  if (!bodyId || !presentedOn || !figures) throw new Error('not presented');
  return {
    type: 'consultation.agrement_policy_report_presented',
    payload: { ...subjectOf(report), bodyId, presentedOn, figures },
  };
}
