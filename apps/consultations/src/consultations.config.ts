import { isoDaysVar, serviceConfigSchema } from '@tripartite/config';
import { z } from 'zod';

/**
 * The consultations service's environment. No legal deadline exists for the opinions of the CRPRP (or its
 * successors) and the ARS (domain.md): the answer deadline is a platform setting, 30 days by default.
 */
export const consultationsConfigSchema = serviceConfigSchema('consultations', 3003, {
  /** Days the consulted body has to answer, from the submission. */
  CONSULTATION_ANSWER_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** Reminders to the consulted body, in days before its answer deadline (0: on the day). */
  CONSULTATION_ANSWER_REMINDERS: isoDaysVar('P14D,P3D,P0D'),
  /** Reminders to the DIRECCTE before the yearly information on agrément policy is due (seed 002 I.2). */
  AGREMENT_POLICY_REPORT_REMINDERS: isoDaysVar('P30D,P7D,P0D'),
});

export type ConsultationsConfig = z.infer<typeof consultationsConfigSchema>;
