import { DomainError, type RuleProblem } from '@tripartite/errors';

/** Domain errors of regional diagnoses; codes are stable, libs/http maps them to statuses (one table). */
export class RegionalDiagnosisNotFoundError extends DomainError {
  constructor(id: string) {
    super('REGIONAL_DIAGNOSIS.NOT_FOUND', `No regional diagnosis ${id}`);
  }
}

export class RegionalDiagnosisVersionNotFoundError extends DomainError {
  constructor(id: string, number: number) {
    super('REGIONAL_DIAGNOSIS.VERSION_NOT_FOUND', `Regional diagnosis ${id} has no version ${number}`);
  }
}

/** The request is well formed but breaks a rule of the diagnosis (dates, sources). */
export class RegionalDiagnosisInvalidError extends DomainError {
  constructor(errors: RuleProblem[]) {
    super('REGIONAL_DIAGNOSIS.INVALID', errors.map((e) => `${e.field} ${e.message}`).join('; '), {
      field: errors[0]?.field,
      rule: errors[0]?.rule,
      errors,
    });
  }
}

/**
 * One shared diagnosis per region, "en chapeau de tous les CPOM d'une même région" (seed 002, part II.4): the
 * region has one already, and a new text is a new version of it.
 */
export class RegionalDiagnosisAlreadyExistsError extends DomainError {
  constructor(region: string, existingId: string) {
    super(
      'REGIONAL_DIAGNOSIS.ALREADY_EXISTS',
      `Region ${region} already has its shared diagnosis ${existingId}: record a new version of it`,
      {
        field: 'region',
        rule: 'seed 002, part II.4: one shared diagnosis "en chapeau de tous les CPOM d’une même région"',
        context: { existingId },
      },
    );
  }
}
