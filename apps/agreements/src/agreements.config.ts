import { isIsoDuration } from '@tripartite/calendar';
import { serviceConfigSchema } from '@tripartite/config';
import { z } from 'zod';

/** A comma-separated list of ISO 8601 durations before a deadline, e.g. `P6M,P3M,P1M,P7D`. */
const offsetsVar = (defaults: string) =>
  z
    .string()
    .default(defaults)
    .transform((text) =>
      text
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .refine((offsets) => offsets.every(isIsoDuration), {
      message: 'must be a comma-separated list of ISO 8601 durations such as P6M,P3M,P1M,P7D',
    });

/** The agreements service's environment: the platform's variables and the offsets of its reminders. */
export const agreementsConfigSchema = serviceConfigSchema('agreements', 3001, {
  /** Reminders before the renewal filing deadline (end − 4 months, D.4622-50). */
  AGREEMENT_RENEWAL_REMINDERS: offsetsVar('P6M,P3M,P1M,P7D'),
  /** Warnings to the DIRECCTE before silence becomes an implicit agrément (R.4622-52). */
  AGREEMENT_DECISION_WARNINGS: offsetsVar('P30D,P7D'),
  /** Reminders before a compliance notice's deadline (D.4622-51 2°). */
  AGREEMENT_NOTICE_REMINDERS: offsetsVar('P30D,P7D'),
});

export type AgreementsConfig = z.infer<typeof agreementsConfigSchema>;
