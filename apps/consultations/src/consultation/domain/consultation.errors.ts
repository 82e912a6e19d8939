import { DomainError, type RuleProblem } from '@tripartite/errors';
import type { Recusal } from '../../body/domain/recusal.rule';
import { RECUSAL_RULE } from '../../body/domain/recusal.rule';
import type { ConsultationStatus } from './consultation.types';

export class ConsultationNotFoundError extends DomainError {
  constructor(id: string) {
    super('CONSULTATION.NOT_FOUND', `No consultation ${id}`);
  }
}

/** The request is well formed but breaks a rule of sessions or opinions. */
export class ConsultationInvalidError extends DomainError {
  constructor(errors: RuleProblem[]) {
    super('CONSULTATION.INVALID', errors.map((e) => `${e.field} ${e.message}`).join('; '), {
      field: errors[0]?.field,
      rule: errors[0]?.rule,
      errors,
    });
  }
}

/** The consultation is no longer waiting for an answer: delivered, or closed without opinion. */
export class ConsultationNotPendingError extends DomainError {
  constructor(status: ConsultationStatus) {
    super('CONSULTATION.NOT_PENDING', `The consultation is ${status}: it takes no session and no opinion`, {
      rule: 'règle de la plateforme: one opinion per consultation, none once closed',
      context: { status },
    });
  }
}

/** A college body examines the CPOM in session, whose recused members are listed first (D.4622-44). */
export class SessionRequiredError extends DomainError {
  constructor() {
    super(
      'CONSULTATION.SESSION_REQUIRED',
      'Schedule the session (and so list the recused members) before the opinion',
      {
        rule: RECUSAL_RULE,
      },
    );
  }
}

/** The ARS answers by itself: no session, no members, no votes. */
export class NoSessionForArsError extends DomainError {
  constructor() {
    super('CONSULTATION.NO_SESSION_FOR_ARS', 'The ARS gives its opinion without a session of members', {
      rule: 'règle de la plateforme (seed 002 II.3: the ARS is "saisie", not a college body)',
    });
  }
}

/** An adoption (CROCT) follows the college body's opinion: it waits until that opinion is in. */
export class AdoptionBeforeOpinionError extends DomainError {
  constructor(pending: { id: string; bodyName: string }[]) {
    super(
      'CONSULTATION.ADOPTION_BEFORE_OPINION',
      `The opinion to adopt is not in yet: ${pending.map((p) => p.bodyName).join(', ')}`,
      {
        rule: 'règle de la plateforme (domain.md: the CROCT adopts the CRPST’s opinion)',
        context: { waitingFor: pending.map((p) => p.id) },
      },
    );
  }
}

/**
 * D.4622-44: a recused member is listed among those who sat. Refused unless the secretariat sends a written
 * justification (an override, audited).
 */
export class RecusedMemberSatError extends DomainError {
  constructor(found: { index: number; recusal: Recusal }[]) {
    const errors = found.map(({ index, recusal }) => ({
      field: `sat[${index}]`,
      rule: RECUSAL_RULE,
      message: `${recusal.name} is recused (${recusal.link}) and does not take part in the consultation`,
    }));
    super('CONSULTATION.RECUSED_MEMBER_SAT', errors.map((e) => e.message).join('; '), {
      field: errors[0]?.field,
      rule: RECUSAL_RULE,
      errors,
      context: { recused: found.map((f) => f.recusal) },
    });
  }
}

/** No plan of the CPOM's regions is in force on the submission day: the submission waits (parked) until one is. */
export class NoPlanInForceError extends DomainError {
  constructor(regions: readonly string[], on: string) {
    super(
      'CONSULTATION.NO_PLAN_IN_FORCE',
      `No consultation plan of region ${regions.join(', ')} is in force on ${on}: record one, then replay the parked message`,
      { rule: 'règle de la plateforme: the plan in force on the submission date applies' },
    );
  }
}
