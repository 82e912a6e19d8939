import type { ProfileProblem } from './organisation-profile.rule';

/** Domain errors of the directory; codes are stable, the http library maps them to problem+json. */
export class OrganisationNotFoundError extends Error {
  readonly code = 'ORGANISATION.NOT_FOUND';
  readonly status = 404;
  constructor(id: string) {
    super(`No organisation ${id}`);
  }
}

/** A change would leave the organisation without what its kind requires (or with what it may not have). */
export class OrganisationProfileInvalidError extends Error {
  readonly code = 'ORGANISATION.PROFILE_INVALID';
  readonly status = 422;
  readonly extensions: { errors: ProfileProblem[] };
  constructor(errors: ProfileProblem[]) {
    super(errors.map((e) => `${e.field} ${e.message}`).join('; '));
    this.extensions = { errors };
  }
}

/** Another organisation of the directory already has this SIRET. */
export class SiretAlreadyRegisteredError extends Error {
  readonly code = 'ORGANISATION.SIRET_ALREADY_REGISTERED';
  readonly status = 409;
  constructor(siret: string) {
    super(`SIRET ${siret} is already in the directory`);
  }
}

/** The organisation changed since the client read it (If-Match). */
export class OrganisationVersionConflictError extends Error {
  readonly code = 'REQUEST.PRECONDITION_FAILED';
  readonly status = 412;
  constructor(id: string, expected: number) {
    super(`Organisation ${id} is no longer at version ${expected}: read it again`);
  }
}

/** Only the DIRECCTE keeps the register; an organisation changes nothing but its own contacts. */
export class OrganisationChangeForbiddenError extends Error {
  readonly code = 'AUTH.FORBIDDEN_ROLE';
  readonly status = 403;
  constructor() {
    super(
      'only a DIRECCTE agent of its region changes this organisation; an organisation keeps its own contacts',
    );
  }
}
