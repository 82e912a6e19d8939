import { DomainError, type RuleProblem } from '@tripartite/errors';
import type { ProtocolStatus } from './partnership-protocol.types';

/** Domain errors of partnership protocols; codes are stable, libs/http maps them to statuses (one table). */
export class PartnershipProtocolNotFoundError extends DomainError {
  constructor(id: string) {
    super('PARTNERSHIP_PROTOCOL.NOT_FOUND', `No partnership protocol ${id}`);
  }
}

/** The request is well formed but breaks a rule of the protocol (its parties, its dates, its themes). */
export class PartnershipProtocolInvalidError extends DomainError {
  constructor(errors: RuleProblem[]) {
    super('PARTNERSHIP_PROTOCOL.INVALID', errors.map((e) => `${e.field} ${e.message}`).join('; '), {
      field: errors[0]?.field,
      rule: errors[0]?.rule,
      errors,
    });
  }
}

/** The step asked for does not follow from where the protocol stands: read it again. */
export class PartnershipProtocolStepConflictError extends DomainError {
  constructor(code: string, rule: string, message: string, status: ProtocolStatus) {
    super(code, message, { rule, context: { status } });
  }

  static notInNegotiation(status: ProtocolStatus): PartnershipProtocolStepConflictError {
    return new PartnershipProtocolStepConflictError(
      'PARTNERSHIP_PROTOCOL.NOT_IN_NEGOTIATION',
      'seed 000: a protocol is concluded after its negotiation, once',
      `The protocol is ${status}: only a protocol in negotiation is concluded`,
      status,
    );
  }

  static notConcluded(status: ProtocolStatus): PartnershipProtocolStepConflictError {
    return new PartnershipProtocolStepConflictError(
      'PARTNERSHIP_PROTOCOL.NOT_CONCLUDED',
      'seed 000: progress points follow "la mise en œuvre des actions" of a concluded protocol',
      `The protocol is ${status}: progress is recorded on a concluded protocol only`,
      status,
    );
  }

  static ended(): PartnershipProtocolStepConflictError {
    return new PartnershipProtocolStepConflictError(
      'PARTNERSHIP_PROTOCOL.ENDED',
      'règle de la plateforme: an ended protocol takes no further step',
      'The protocol has ended',
      'ENDED',
    );
  }
}
