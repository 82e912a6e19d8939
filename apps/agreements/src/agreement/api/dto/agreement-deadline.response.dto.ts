import { type CalendarDate, calendarDateAt } from '@tripartite/calendar';
import type { Deadline } from '@tripartite/deadlines';
import { calendarDateSchema } from '@tripartite/events';
import { pageSchemaOf } from '@tripartite/http';
import { z } from 'zod';

/** One deadline of an agrément as its page shows it: what, which day, and what became of it. */
export const agreementDeadlineResponseSchema = z.object({
  id: z.uuid(),
  kind: z.string().describe('e.g. agreement.renewal_reminder, agreement.expiry'),
  dueOn: calendarDateSchema.describe('The Paris day it falls on'),
  status: z
    .enum(['pending', 'fired', 'cancelled', 'skipped'])
    .describe(
      'skipped: its day had passed when the platform learnt of it (an agrément recorded as existing)',
    ),
  eventType: z.string(),
});

export const agreementDeadlinePageSchema = pageSchemaOf(agreementDeadlineResponseSchema, 'Soonest first');

export type AgreementDeadlineResponse = z.infer<typeof agreementDeadlineResponseSchema>;

export function toAgreementDeadlineResponse(deadline: Deadline): AgreementDeadlineResponse {
  return {
    id: deadline.id,
    kind: deadline.kind,
    dueOn: calendarDateAt(deadline.dueAt) satisfies CalendarDate,
    status: deadline.status,
    eventType: deadline.event.type,
  };
}
