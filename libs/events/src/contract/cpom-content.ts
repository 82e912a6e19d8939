import { z } from 'zod';

/**
 * What the indicators and agreements services need of a CPOM's contents (seed 002 II.4): its priorities,
 * the action programmes under them and each action's indicators. Carried by `contract.signed` and
 * `contract.amended`; the full text (commitments, means, annexes) stays in the contracts service.
 */

/** Where a shared priority comes from (seed 002 II.4: service project, PRST, COG AT-MP, common to DIRECCTE and Caisse). */
export const priorityOrigins = ['service_project', 'prst', 'cog_atmp', 'direccte_caisse'] as const;
export type PriorityOrigin = (typeof priorityOrigins)[number];

/** Seed 002 II.4: indicators "de suivi" or "de résultat"; quantitative (unit, baseline, target) or qualitative. */
export const indicatorKinds = ['quantitative', 'qualitative'] as const;
export const indicatorPurposes = ['follow_up', 'result'] as const;
/** Which way a quantitative indicator should move to meet its target. */
export const indicatorDirections = ['increase', 'decrease', 'maintain'] as const;
/** How often a value is reported: a year, or a half-year where the indicator says so. */
export const indicatorFrequencies = ['yearly', 'half_yearly'] as const;

export const cpomPrioritySchema = z.object({
  priorityId: z.uuid(),
  title: z.string().min(1),
  origins: z.array(z.enum(priorityOrigins)),
});

export const cpomActionSchema = z.object({
  actionId: z.uuid(),
  priorityId: z.uuid(),
  title: z.string().min(1),
  /** A code of the action-theme reference list (`actionThemes`), or an extension code of the region. */
  theme: z.string().min(1),
  expectedResults: z.string(),
});

export const cpomIndicatorSchema = z.object({
  indicatorId: z.uuid(),
  actionId: z.uuid(),
  name: z.string().min(1),
  kind: z.enum(indicatorKinds),
  purpose: z.enum(indicatorPurposes),
  /** Quantitative only: the unit, the baseline, the target and the direction (null when qualitative). */
  unit: z.string().nullable(),
  baseline: z.number().nullable(),
  target: z.number().nullable(),
  direction: z.enum(indicatorDirections).nullable(),
  frequency: z.enum(indicatorFrequencies),
});

/** The contents of one version of a CPOM, as the indicators service projects them. */
export const cpomContentFields = {
  /** The content version: 1 when signed, then one more per amendment. */
  contentVersion: z.number().int().positive(),
  /** SHA-256 (hex) of the canonical content of the signed version (tamper evidence). */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  priorities: z.array(cpomPrioritySchema),
  actions: z.array(cpomActionSchema),
  indicators: z.array(cpomIndicatorSchema),
};

export type CpomPriority = z.infer<typeof cpomPrioritySchema>;
export type CpomAction = z.infer<typeof cpomActionSchema>;
export type CpomIndicator = z.infer<typeof cpomIndicatorSchema>;
