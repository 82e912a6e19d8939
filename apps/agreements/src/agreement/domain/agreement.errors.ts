import { DomainError, type RuleProblem } from '@tripartite/errors';

/** The label of a rule the platform chose where the law says nothing (no article to cite). */
export const PLATFORM_RULE = 'règle de la plateforme';

/**
 * A rule of the agrément refused a command. The problem names the request field at fault (as the client sent
 * it), when one is, and the rule with its source; codes are stable. libs/http maps codes to statuses.
 */
export class AgreementRuleViolation extends DomainError {
  constructor(code: string, message: string, field: string | null, rule: string, errors?: RuleProblem[]) {
    super(code, message, { field, rule, errors });
  }
}

export class AgreementNotFoundError extends DomainError {
  constructor(id: string) {
    super('AGREEMENT.NOT_FOUND', `No agrément ${id}`);
  }
}

/**
 * The command does not apply to an agrément in this state (a decision on a refused application…): a state
 * problem, with no field to blame.
 */
export function wrongState(action: string, status: string): AgreementRuleViolation {
  return new AgreementRuleViolation(
    'AGREEMENT.INVALID_STATE',
    `cannot ${action}: the agrément is ${status}`,
    null,
    `cycle de l'agrément (${PLATFORM_RULE})`,
  );
}

/** A date that breaks a rule: in the future, before another date, beyond a legal limit. */
export function badDate(field: string, message: string, rule: string): AgreementRuleViolation {
  return new AgreementRuleViolation('AGREEMENT.DATE_INVALID', `${field} ${message}`, field, rule);
}
