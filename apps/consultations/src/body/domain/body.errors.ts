import { DomainError, type RuleProblem } from '@tripartite/errors';

/** Domain errors of bodies and members; libs/http maps codes to statuses (one table). */
export class BodyNotFoundError extends DomainError {
  constructor(id: string) {
    super('BODY.NOT_FOUND', `No consulted body ${id}`);
  }
}

export class MemberNotFoundError extends DomainError {
  constructor(bodyId: string, memberId: string) {
    super('BODY.MEMBER_NOT_FOUND', `Body ${bodyId} has no member ${memberId}`);
  }
}

/** The request is well formed but breaks a rule of bodies or members (dates, kinds, who answers). */
export class BodyInvalidError extends DomainError {
  constructor(errors: RuleProblem[]) {
    super('BODY.INVALID', errors.map((e) => `${e.field} ${e.message}`).join('; '), {
      field: errors[0]?.field,
      rule: errors[0]?.rule,
      errors,
    });
  }
}
