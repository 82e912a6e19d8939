import { isoDurationsVar, serviceConfigSchema } from '@tripartite/config';
import { z } from 'zod';

/** The agreements service's environment: the platform's variables and the offsets of its reminders. */
export const agreementsConfigSchema = serviceConfigSchema('agreements', 3001, {
  /** Reminders before the renewal filing deadline (end − 4 months, D.4622-50). */
  AGREEMENT_RENEWAL_REMINDERS: isoDurationsVar('P6M,P3M,P1M,P7D'),
  /** Warnings to the DIRECCTE before silence becomes an implicit agrément (R.4622-52). */
  AGREEMENT_DECISION_WARNINGS: isoDurationsVar('P30D,P7D'),
  /** Reminders before a compliance notice's deadline (D.4622-51 2°). */
  AGREEMENT_NOTICE_REMINDERS: isoDurationsVar('P30D,P7D'),
});

export type AgreementsConfig = z.infer<typeof agreementsConfigSchema>;
