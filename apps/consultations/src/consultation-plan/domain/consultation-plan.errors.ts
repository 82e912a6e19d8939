import { DomainError, type RuleProblem } from '@tripartite/errors';

export class ConsultationPlanNotFoundError extends DomainError {
  constructor(id: string) {
    super('CONSULTATION_PLAN.NOT_FOUND', `No consultation plan ${id}`);
  }
}

export class ConsultationPlanInvalidError extends DomainError {
  constructor(errors: RuleProblem[]) {
    super('CONSULTATION_PLAN.INVALID', errors.map((e) => `${e.field} ${e.message}`).join('; '), {
      field: errors[0]?.field,
      rule: errors[0]?.rule,
      errors,
    });
  }
}

/**
 * A region's plans follow one another: a new plan starts after the latest one started (which then ends the day
 * before), never within or before a period already planned.
 */
export class ConsultationPlanOverlapError extends DomainError {
  constructor(other: { id: string; validFrom: string }) {
    super(
      'CONSULTATION_PLAN.OVERLAP',
      `Plan ${other.id} of this region starts on ${other.validFrom}: a new plan starts after it`,
      {
        field: 'validFrom',
        rule: 'règle de la plateforme: one plan in force per region and day',
        context: { otherPlanId: other.id },
      },
    );
  }
}
