import type { RuleProblem, VersionStatus } from './service-project.types';

/** Domain errors of service projects; codes are stable, the http library maps them to problem+json. */
export class ServiceProjectNotFoundError extends Error {
  readonly code = 'SERVICE_PROJECT.NOT_FOUND';
  readonly status = 404;
  constructor(id: string) {
    super(`No service project ${id}`);
  }
}

/** The request is well formed but breaks a rule of the project (period, dates, priorities): 422. */
export class ServiceProjectInvalidError extends Error {
  readonly code = 'SERVICE_PROJECT.INVALID';
  readonly status = 422;
  readonly extensions: { errors: RuleProblem[] };
  constructor(errors: RuleProblem[]) {
    super(errors.map((e) => `${e.field} ${e.message}`).join('; '));
    this.extensions = { errors };
  }
}

/** A service project is drafted for an occupational health service (SSTI or SSTA) of the directory. */
export class NotAServiceError extends Error {
  readonly code = 'SERVICE_PROJECT.NOT_A_SERVICE';
  readonly status = 422;
  readonly extensions: { errors: RuleProblem[] };
  constructor(serviceId: string, found: string | null) {
    super(
      found === null
        ? `No organisation ${serviceId} in the directory`
        : `Organisation ${serviceId} is a ${found}, not an occupational health service (SSTI or SSTA)`,
    );
    this.extensions = {
      errors: [
        found === null
          ? { field: 'serviceId', rule: 'exists', message: 'is not an organisation of the directory' }
          : { field: 'serviceId', rule: 'ssti-or-ssta', message: `is a ${found}, not an SSTI or an SSTA` },
      ],
    };
  }
}

/**
 * The step asked for does not follow from where the current version stands (L.4622-14: drafted, then
 * adopted by the CMT, then approved by the board; one revision at a time). 409: read the project again.
 */
export class ServiceProjectStepConflictError extends Error {
  readonly status = 409;
  readonly extensions: { rule: string; projectVersion: number; versionStatus: VersionStatus };
  constructor(
    readonly code: string,
    rule: string,
    message: string,
    version: { number: number; status: VersionStatus },
  ) {
    super(message);
    this.extensions = { rule, projectVersion: version.number, versionStatus: version.status };
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

/** Another project of the same service already covers part of this period: 409. */
export class ServiceProjectPeriodOverlapError extends Error {
  readonly code = 'SERVICE_PROJECT.PERIOD_OVERLAP';
  readonly status = 409;
  readonly extensions: { errors: RuleProblem[]; otherProjectId: string };
  constructor(
    otherProjectId: string,
    other: { periodStart: string; periodEnd: string },
    field: 'periodStart' | 'periodEnd' = 'periodStart',
  ) {
    super(
      `Project ${otherProjectId} of this service already covers ${other.periodStart} to ${other.periodEnd}: ` +
        'revise it rather than draft another project for the same years',
    );
    this.extensions = {
      otherProjectId,
      errors: [
        {
          field,
          rule: 'no-overlap',
          message: `overlaps project ${otherProjectId} (${other.periodStart} to ${other.periodEnd})`,
        },
      ],
    };
  }
}
