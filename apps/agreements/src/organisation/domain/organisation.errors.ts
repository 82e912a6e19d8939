import { DomainError, type RuleProblem } from '@tripartite/errors';

/** Domain errors of the directory; codes are stable, libs/http maps them to statuses (one table). */
export class OrganisationNotFoundError extends DomainError {
  constructor(id: string) {
    super('ORGANISATION.NOT_FOUND', `No organisation ${id}`);
  }
}

/** A change would leave the organisation without what its kind requires (or with what it may not have). */
export class OrganisationProfileInvalidError extends DomainError {
  constructor(errors: RuleProblem[]) {
    super('ORGANISATION.PROFILE_INVALID', errors.map((e) => `${e.field} ${e.message}`).join('; '), {
      field: errors[0]?.field,
      rule: errors[0]?.rule,
      errors,
    });
  }
}

/** Another organisation of the directory already has this SIRET. */
export class SiretAlreadyRegisteredError extends DomainError {
  constructor(siret: string) {
    super('ORGANISATION.SIRET_ALREADY_REGISTERED', `SIRET ${siret} is already in the directory`, {
      field: 'siret',
      rule: 'one organisation per SIRET (règle de la plateforme)',
    });
  }
}

/** The organisation changed since the client read it (If-Match). */
export class OrganisationVersionConflictError extends DomainError {
  constructor(id: string, expected: number) {
    super(
      'REQUEST.PRECONDITION_FAILED',
      `Organisation ${id} is no longer at version ${expected}: read it again`,
    );
  }
}

/** Only the DIRECCTE keeps the register; an organisation changes nothing but its own contacts. */
export class OrganisationChangeForbiddenError extends DomainError {
  constructor(
    message = 'only a DIRECCTE agent of its region changes this organisation; an organisation keeps its own contacts',
  ) {
    super('AUTH.FORBIDDEN_ROLE', message);
  }
}

/** A regional agent acting on the directory outside its own region (issue 10: region scope). */
export class OrganisationOutOfScopeError extends DomainError {
  constructor(message: string) {
    super('AUTH.FORBIDDEN_SCOPE', message, {
      rule: 'a regional agent keeps the directory of its own region only (règle de la plateforme)',
    });
  }
}
