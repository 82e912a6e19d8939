import type { RuleProblem } from '@tripartite/errors';
import { type CpomContent, cpomParties } from './cpom.types';

const PROGRAMME_RULE =
  'chaque priorité déclinée en actions indiquant les engagements des trois parties, les indicateurs et les résultats escomptés (seed 002 II.4)';

/** A recommendation that does not block the submission. */
export interface CpomWarning {
  code: string;
  field: string | null;
  message: string;
  rule: string;
}

/**
 * "Chaque objectif ou priorité doit être décliné en une ou plusieurs actions au sein desquelles sont
 * explicitement indiqués les engagements respectifs de chacune des trois parties contractantes, les moyens
 * mobilisés, les indicateurs mis en place pour évaluer les actions et les résultats escomptés" (seed 002
 * II.4). Lists every incomplete priority and action, and what each lacks, by party.
 */
export function completenessProblems(content: CpomContent): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (content.priorities.length === 0) {
    problems.push({
      field: 'priorities',
      rule: PROGRAMME_RULE,
      message: 'a CPOM sets at least one shared priority',
    });
  }
  if (!content.context.localDiagnosis.trim()) {
    problems.push({
      field: 'context.localDiagnosis',
      rule: 'le contexte : diagnostic local du service (seed 002 II.4)',
      message: "the service's local diagnosis is missing",
    });
  }
  content.priorities.forEach((priority, i) => {
    if (!content.actions.some((action) => action.priorityId === priority.priorityId)) {
      problems.push({
        field: `priorities[${i}]`,
        rule: PROGRAMME_RULE,
        message: `priority "${priority.title}" has no action`,
      });
    }
  });
  content.actions.forEach((action, i) => {
    for (const party of cpomParties) {
      if (!action.commitments[party].trim()) {
        problems.push({
          field: `actions[${i}].commitments.${party}`,
          rule: PROGRAMME_RULE,
          message: `action "${action.title}" lacks the commitments of the ${party}`,
        });
      }
    }
    if (action.indicators.length === 0) {
      problems.push({
        field: `actions[${i}].indicators`,
        rule: PROGRAMME_RULE,
        message: `action "${action.title}" has no indicator`,
      });
    }
    if (!action.expectedResults.trim()) {
      problems.push({
        field: `actions[${i}].expectedResults`,
        rule: PROGRAMME_RULE,
        message: `action "${action.title}" states no expected results`,
      });
    }
  });
  return problems;
}

/** A convention between the service and its Caisse that the platform knows of (a concluded partnership protocol). */
export interface KnownConvention {
  reference: string;
  title: string;
}

/**
 * Non-blocking recommendations at submission: a BTP service's CPOM annexes its OPPBTP quadripartite
 * convention ("constitueront une annexe", national framework of 14 December 2011; seed 002 II.4), and the
 * conventions the service and its Caisse concluded that the platform knows of are annexed, referenced by id
 * (seed 002 II.4: the L.422-6 conventions and the Caisse/SSTI partnership protocols of seed 000).
 */
export function submissionWarnings(
  content: CpomContent,
  service: { btp: boolean },
  conventions: readonly KnownConvention[] = [],
): CpomWarning[] {
  const warnings: CpomWarning[] = [];
  const annexed = new Set(content.annexes.map((annex) => annex.reference));
  for (const convention of conventions.filter((c) => !annexed.has(c.reference))) {
    warnings.push({
      code: 'CPOM.KNOWN_CONVENTION_NOT_ANNEXED',
      field: 'annexes',
      message: `the convention "${convention.title}" (${convention.reference}) between the service and its Caisse is not annexed`,
      rule: "conventions de l'article L.422-6 du code de la sécurité sociale et protocoles de partenariat Caisse/SSTI annexés au CPOM (seed 002 II.4, seed 000)",
    });
  }
  if (service.btp && !content.annexes.some((annex) => annex.kind === 'oppbtp_convention')) {
    warnings.push({
      code: 'CPOM.OPPBTP_ANNEX_MISSING',
      field: 'annexes',
      message: 'this BTP service has no OPPBTP quadripartite convention annexed',
      rule: "conventions quadripartites avec l'OPPBTP annexées au CPOM (seed 002 II.4; accord-cadre du 14 décembre 2011)",
    });
  }
  return warnings;
}
