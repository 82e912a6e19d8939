import { DomainError, type RuleProblem } from '@tripartite/errors';
import type { VersionStatus } from './service-project.types';

/** Domain errors of service projects; codes are stable, libs/http maps them to statuses (one table). */
export class ServiceProjectNotFoundError extends DomainError {
  constructor(id: string) {
    super('SERVICE_PROJECT.NOT_FOUND', `No service project ${id}`);
  }
}

/** The request is well formed but breaks a rule of the project (period, dates, priorities). */
export class ServiceProjectInvalidError extends DomainError {
  constructor(errors: RuleProblem[]) {
    super('SERVICE_PROJECT.INVALID', errors.map((e) => `${e.field} ${e.message}`).join('; '), {
      field: errors[0]?.field,
      rule: errors[0]?.rule,
      errors,
    });
  }
}

/**
 * A service project is drafted by an inter-company service (L.4622-14, with its commission médico-technique and
 * board): not by another kind of organisation, nor by an autonomous service (SSTA).
 */
export class NotAServiceError extends DomainError {
  constructor(serviceId: string, found: string | null) {
    const problem: RuleProblem =
      found === null
        ? { field: 'serviceId', rule: 'exists', message: 'is not an organisation of the directory' }
        : {
            field: 'serviceId',
            rule: 'L.4622-14: the service project is an inter-company service’s (SSTI)',
            message:
              found === 'SSTA'
                ? 'is an autonomous service (SSTA): the projet pluriannuel de service concerns inter-company services'
                : `is a ${found}, not an inter-company service (SSTI)`,
          };
    super(
      'SERVICE_PROJECT.NOT_A_SERVICE',
      found === null
        ? `No organisation ${serviceId} in the directory`
        : `Organisation ${serviceId} ${problem.message}`,
      { field: problem.field, rule: problem.rule, errors: [problem] },
    );
  }
}

/**
 * The step asked for does not follow from where the current version stands (L.4622-14: drafted, then
 * adopted by the CMT, then approved by the board; one revision at a time): read the project again.
 */
export class ServiceProjectStepConflictError extends DomainError {
  constructor(
    code: string,
    rule: string,
    message: string,
    version: { number: number; status: VersionStatus },
  ) {
    super(code, message, {
      rule,
      context: { projectVersion: version.number, versionStatus: version.status },
    });
  }

  /** The CMT adopts a draft; this version is no longer one. */
  static notADraft(version: { number: number; status: VersionStatus }): ServiceProjectStepConflictError {
    return new ServiceProjectStepConflictError(
      'SERVICE_PROJECT.NOT_A_DRAFT',
      'cmt-adopts-a-draft',
      `Version ${version.number} is ${version.status}: the CMT adopts a draft only`,
      version,
    );
  }

  /** The board approves what the CMT adopted, never a draft it has not seen (L.4622-14). */
  static notAdopted(version: { number: number; status: VersionStatus }): ServiceProjectStepConflictError {
    return new ServiceProjectStepConflictError(
      'SERVICE_PROJECT.NOT_ADOPTED',
      'cmt-adoption-before-board-approval',
      `Version ${version.number} is ${version.status}: the board approves a version adopted by the CMT (L.4622-14)`,
      version,
    );
  }

  /** A revision waits until the pending version is approved: one revision at a time. */
  static revisionPending(version: {
    number: number;
    status: VersionStatus;
  }): ServiceProjectStepConflictError {
    return new ServiceProjectStepConflictError(
      'SERVICE_PROJECT.REVISION_PENDING',
      'one-revision-at-a-time',
      `Version ${version.number} is ${version.status} and not yet approved: a new revision waits until it is`,
      version,
    );
  }

  /**
   * Only a version not yet approved is withdrawn: the board's approval stands until it approves a revision
   * (L.4622-14: the project "peut être révisé régulièrement", by the CMT and the board again).
   */
  static approvalStands(version: { number: number; status: VersionStatus }): ServiceProjectStepConflictError {
    return new ServiceProjectStepConflictError(
      'SERVICE_PROJECT.NOTHING_PENDING',
      'approval-stands-until-a-revision-is-approved',
      `Version ${version.number} is ${version.status} by the board and nothing is pending: an approved version ` +
        'is not withdrawn, it stays in force until the board approves a revision (L.4622-14)',
      version,
    );
  }

  /** A project withdrawn before any approval is history: it takes no further step. */
  static withdrawn(version: { number: number; status: VersionStatus }): ServiceProjectStepConflictError {
    return new ServiceProjectStepConflictError(
      'SERVICE_PROJECT.WITHDRAWN',
      'withdrawn-project-takes-no-step',
      'The project was withdrawn before the board approved any version: it takes no further step; ' +
        'draft a new project instead',
      version,
    );
  }
}

/** Another project of the same service already covers part of this period. */
export class ServiceProjectPeriodOverlapError extends DomainError {
  constructor(
    otherProjectId: string,
    other: { periodStart: string; periodEnd: string },
    field: 'periodStart' | 'periodEnd' = 'periodStart',
  ) {
    const problem: RuleProblem = {
      field,
      rule: 'no-overlap',
      message: `overlaps project ${otherProjectId} (${other.periodStart} to ${other.periodEnd})`,
    };
    super(
      'SERVICE_PROJECT.PERIOD_OVERLAP',
      `Project ${otherProjectId} of this service already covers ${other.periodStart} to ${other.periodEnd}: ` +
        'revise it rather than draft another project for the same years',
      { field, rule: problem.rule, errors: [problem], context: { otherProjectId } },
    );
  }
}
