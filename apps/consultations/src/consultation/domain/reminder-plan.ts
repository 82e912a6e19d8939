import { addDays, type CalendarDate } from '@tripartite/calendar';

/** A reminder `daysBefore` a deadline: its day, and whether it had passed when planned. */
export interface Reminder {
  daysBefore: number;
  dueOn: CalendarDate;
}

/** The reminders before `deadline`, split into those still ahead (from today on) and those gone by. */
export function remindersBefore(
  deadline: CalendarDate,
  daysBefore: readonly number[],
  today: CalendarDate,
): { due: Reminder[]; past: Reminder[] } {
  const all = daysBefore.map((days) => ({ daysBefore: days, dueOn: addDays(deadline, -days) }));
  return { due: all.filter((r) => r.dueOn >= today), past: all.filter((r) => r.dueOn < today) };
}
