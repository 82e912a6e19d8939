import type { CalendarDate } from '@tripartite/calendar';
import type { RuleProblem } from '@tripartite/errors';
import type { Body } from '../../body/domain/body.types';
import { within } from '../../body/domain/body.types';

/**
 * What a plan entry asks of its body: an `opinion` on the CPOM, or the `adoption` of the college body's
 * opinion (the CROCT adopts the CRPST's opinion, domain.md). An adoption is a consultation like the others,
 * whose answer is required too; it is answered once the plan's opinions of college bodies are in (ADR 0018).
 */
export const planSteps = ['opinion', 'adoption'] as const;
export type PlanStep = (typeof planSteps)[number];

export interface PlanEntry {
  bodyId: string;
  step: PlanStep;
}

export interface ConsultationPlan {
  id: string;
  region: string;
  validFrom: CalendarDate;
  validUntil: CalendarDate | null;
  entries: PlanEntry[];
  version: number;
}

const CONSULTED_BEFORE_CPOM =
  'L.4622-10, seed 002 II.3: « conclu après avis du CRPRP dans sa formation restreinte et de l’agence régionale de santé »';
const PLATFORM_RULE = 'règle de la plateforme';

/**
 * The problems of a new plan: its bodies exist in its region on its first day, appear once; it asks the
 * opinion of a college body (the restricted formation or its successor) and of the ARS (L.4622-10); an
 * adoption step is the CROCT's, after a college body's opinion.
 */
export function planProblems(
  plan: Omit<ConsultationPlan, 'id' | 'version'>,
  bodies: readonly Body[],
): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (plan.validUntil !== null && plan.validUntil < plan.validFrom) {
    problems.push({ field: 'validUntil', rule: PLATFORM_RULE, message: 'must not be before validFrom' });
  }
  const seen = new Set<string>();
  const found: { body: Body; step: PlanStep }[] = [];
  plan.entries.forEach((entry, index) => {
    const field = `entries[${index}].bodyId`;
    const body = bodies.find((b) => b.id === entry.bodyId);
    if (seen.has(entry.bodyId)) {
      problems.push({ field, rule: PLATFORM_RULE, message: 'appears twice in the plan' });
      return;
    }
    seen.add(entry.bodyId);
    if (!body) {
      problems.push({ field, rule: 'exists', message: 'is not a recorded body' });
      return;
    }
    if (body.region !== plan.region) {
      problems.push({
        field,
        rule: PLATFORM_RULE,
        message: `is a body of region ${body.region}, not ${plan.region}`,
      });
    } else if (!within(plan.validFrom, body.validFrom, body.validUntil)) {
      problems.push({
        field,
        rule: PLATFORM_RULE,
        message: `does not exist on ${plan.validFrom} (${body.validFrom} to ${body.validUntil ?? 'today'})`,
      });
    }
    if (entry.step === 'adoption' && body.kind !== 'CROCT') {
      problems.push({
        field: `entries[${index}].step`,
        rule: `${PLATFORM_RULE} (domain.md: the CROCT adopts the CRPST’s opinion)`,
        message: `an adoption step is the CROCT’s, not a ${body.kind}’s`,
      });
    }
    found.push({ body, step: entry.step });
  });
  const opinions = found.filter((f) => f.step === 'opinion');
  if (!opinions.some((f) => f.body.kind !== 'ARS' && f.body.kind !== 'CROCT')) {
    problems.push({
      field: 'entries',
      rule: CONSULTED_BEFORE_CPOM,
      message: 'must ask the opinion of the restricted formation of the CRPRP or its successor (GPRO, CRPST)',
    });
  }
  if (!opinions.some((f) => f.body.kind === 'ARS')) {
    problems.push({
      field: 'entries',
      rule: CONSULTED_BEFORE_CPOM,
      message: 'must ask the opinion of the ARS',
    });
  }
  return problems;
}

/** The plan in force on `on` among a region's plans, if any. */
export function planInForce<P extends Pick<ConsultationPlan, 'validFrom' | 'validUntil'>>(
  plans: readonly P[],
  on: CalendarDate,
): P | null {
  return plans.find((p) => within(on, p.validFrom, p.validUntil)) ?? null;
}
