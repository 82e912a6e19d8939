import { DomainError, type RuleProblem } from '@tripartite/errors';

/** The label of a rule the platform chose where the law says nothing (no article to cite). */
export const PLATFORM_RULE = 'règle de la plateforme';

/** A rule of the CPOM refused a command: the field at fault (as the client sent it) and the rule with its source. */
export class CpomRuleViolation extends DomainError {
  constructor(
    code: string,
    message: string,
    field: string | null,
    rule: string,
    errors?: readonly RuleProblem[],
    context?: Record<string, unknown>,
  ) {
    super(code, message, { field, rule, errors, context });
  }
}

export class CpomNotFoundError extends DomainError {
  constructor(id: string) {
    super('CPOM.NOT_FOUND', `No CPOM ${id}`);
  }
}

/** The command does not apply in the CPOM's present state (409): a problem of state, no field to blame. */
export function wrongState(action: string, status: string): CpomRuleViolation {
  return new CpomRuleViolation(
    'CPOM.INVALID_STATE',
    `cannot ${action}: the CPOM is ${status}`,
    null,
    `cycle du CPOM (seed 002 II.3; ${PLATFORM_RULE})`,
  );
}

/** Several fields at fault at once: the first names the problem, all are listed. */
export function invalidContent(problems: readonly RuleProblem[]): CpomRuleViolation {
  const [first] = problems;
  return new CpomRuleViolation(
    'CPOM.CONTENT_INVALID',
    problems.length === 1 ? first.message : `${problems.length} problems in the CPOM's contents`,
    first.field,
    first.rule,
    problems,
  );
}

export function throwIfAny(problems: readonly RuleProblem[]): void {
  if (problems.length > 0) throw invalidContent(problems);
}
