import { DomainError, type RuleProblem } from '@tripartite/errors';

export class AgrementPolicyReportNotFoundError extends DomainError {
  constructor(id: string) {
    super('AGREMENT_POLICY_REPORT.NOT_FOUND', `No yearly agrément policy information ${id}`);
  }
}

export class AgrementPolicyReportInvalidError extends DomainError {
  constructor(errors: RuleProblem[]) {
    super('AGREMENT_POLICY_REPORT.INVALID', errors.map((e) => `${e.field} ${e.message}`).join('; '), {
      field: errors[0]?.field,
      rule: errors[0]?.rule,
      errors,
    });
  }
}

/** One information per region and year. */
export class AgrementPolicyReportExistsError extends DomainError {
  constructor(existingId: string) {
    super(
      'AGREMENT_POLICY_REPORT.ALREADY_EXISTS',
      `The information on this year is already planned: ${existingId}`,
      {
        field: 'year',
        rule: 'règle de la plateforme: one yearly information per region and year (seed 002 I.2)',
        context: { existingId },
      },
    );
  }
}

export class AlreadyPresentedError extends DomainError {
  constructor(presentedOn: string | null) {
    super('AGREMENT_POLICY_REPORT.ALREADY_PRESENTED', `The information was presented on ${presentedOn}`, {
      rule: 'règle de la plateforme: presented once',
      context: { presentedOn },
    });
  }
}
