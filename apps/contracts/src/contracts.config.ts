import { isoDurationsVar, isoDurationVar, serviceConfigSchema } from '@tripartite/config';
import { z } from 'zod';

/** The contracts service's environment: the platform's variables and the offsets of the CPOM's deadlines. */
export const contractsConfigSchema = serviceConfigSchema('contracts', 3002, {
  /** Reminders before each yearly review of a CPOM (seed 002 II.4: "un examen au moins annuel"). */
  CPOM_REVIEW_REMINDERS: isoDurationsVar('P60D,P30D,P7D'),
  /** The review-overdue alert, after the review's due date. */
  CPOM_REVIEW_OVERDUE_AFTER: isoDurationVar('P15D'),
  /** Reminders before the end, to prepare the final evaluation and the next generation. */
  CPOM_TERM_REMINDERS: isoDurationsVar('P12M,P6M,P3M'),
  /** The alert after the end while no final evaluation is recorded (the agrément renewal needs it). */
  CPOM_EVALUATION_OVERDUE_AFTER: isoDurationVar('P3M'),
});

export type ContractsConfig = z.infer<typeof contractsConfigSchema>;
