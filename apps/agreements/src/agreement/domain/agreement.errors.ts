/**
 * A rule of the agrément refused a command. The problem names the field at fault (when one is) and the
 * rule with its source, so that a client can show it next to the input; codes are stable.
 */
export class AgreementRuleViolation extends Error {
  readonly extensions: { field: string | null; rule: string };
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    field: string | null,
    rule: string,
  ) {
    super(message);
    this.extensions = { field, rule };
  }
}

export class AgreementNotFoundError extends Error {
  readonly code = 'AGREEMENT.NOT_FOUND';
  readonly status = 404;
  constructor(id: string) {
    super(`No agrément ${id}`);
  }
}

/** The command does not apply to an agrément in this state (a decision on a refused application…). */
export function wrongState(action: string, status: string): AgreementRuleViolation {
  return new AgreementRuleViolation(
    'AGREEMENT.INVALID_STATE',
    409,
    `cannot ${action}: the agrément is ${status}`,
    null,
    'agrément lifecycle',
  );
}

/** A date that breaks a rule: in the future, before another date, beyond a legal limit. */
export function badDate(field: string, message: string, rule: string): AgreementRuleViolation {
  return new AgreementRuleViolation('AGREEMENT.DATE_INVALID', 422, `${field} ${message}`, field, rule);
}
