import { serviceConfigSchema } from '@tripartite/config';
import { z } from 'zod';

/** A comma-separated list of whole numbers of days before a deadline, e.g. `14,3,0` (0: on the day). */
const daysBeforeVar = (defaults: string) =>
  z
    .string()
    .default(defaults)
    .transform((text) =>
      text
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .refine((days) => days.every((d) => /^\d{1,3}$/.test(d)), {
      message: 'must be a comma-separated list of whole numbers of days such as 14,3,0',
    })
    .transform((days) => [...new Set(days.map(Number))].sort((a, b) => b - a));

/**
 * The consultations service's environment. No legal deadline exists for the opinions of the CRPRP (or its
 * successors) and the ARS (domain.md): the answer deadline is a platform setting, 30 days by default.
 */
export const consultationsConfigSchema = serviceConfigSchema('consultations', 3003, {
  /** Days the consulted body has to answer, from the submission. */
  CONSULTATION_ANSWER_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** Reminders to the consulted body, in days before its answer deadline (0: on the day). */
  CONSULTATION_ANSWER_REMINDERS: daysBeforeVar('14,3,0'),
  /** Reminders to the DIRECCTE before the yearly information on agrément policy is due (seed 002 I.2). */
  AGREMENT_POLICY_REPORT_REMINDERS: daysBeforeVar('30,7,0'),
});

export type ConsultationsConfig = z.infer<typeof consultationsConfigSchema>;
