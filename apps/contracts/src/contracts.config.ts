import { isIsoDuration } from '@tripartite/calendar';
import { serviceConfigSchema } from '@tripartite/config';
import { z } from 'zod';

/** A comma-separated list of ISO 8601 durations before a deadline, e.g. `P60D,P30D,P7D`. */
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
      message: 'must be a comma-separated list of ISO 8601 durations such as P60D,P30D,P7D',
    });

const durationVar = (defaults: string) =>
  z
    .string()
    .default(defaults)
    .refine(isIsoDuration, { message: 'must be an ISO 8601 duration such as P15D' });

/** The contracts service's environment: the platform's variables and the offsets of the CPOM's deadlines. */
export const contractsConfigSchema = serviceConfigSchema('contracts', 3002, {
  /** Reminders before each yearly review of a CPOM (seed 002 II.4: "un examen au moins annuel"). */
  CPOM_REVIEW_REMINDERS: offsetsVar('P60D,P30D,P7D'),
  /** The review-overdue alert, after the review's due date. */
  CPOM_REVIEW_OVERDUE_AFTER: durationVar('P15D'),
  /** Reminders before the end, to prepare the final evaluation and the next generation. */
  CPOM_TERM_REMINDERS: offsetsVar('P12M,P6M,P3M'),
  /** The alert after the end while no final evaluation is recorded (the agrément renewal needs it). */
  CPOM_EVALUATION_OVERDUE_AFTER: durationVar('P3M'),
});

export type ContractsConfig = z.infer<typeof contractsConfigSchema>;
