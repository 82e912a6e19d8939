import type { DomainErrorLike } from '@tripartite/errors';

/**
 * THE mapping from domain codes to HTTP statuses, for every service: domain code says what went wrong, this
 * table says how HTTP tells it. A code not listed and matching no family below is a broken business rule:
 * 422 (RFC 9110 §15.5.21). Add a code here when its status is not 422; keep the families for the rest.
 */
const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  // 409: the resource's present state forbids the command; reading it again tells why (RFC 9110 §15.5.10).
  'AGREEMENT.ALREADY_IN_FORCE': 409,
  'AGREEMENT.APPLICATION_PENDING': 409,
  'AGREEMENT.INVALID_STATE': 409,
  'AGREEMENT.NOTICE_ALREADY_OPEN': 409,
  'AGREEMENT.NO_LAPSED_NOTICE': 409,
  'AGREEMENT.OPINION_ALREADY_RECORDED': 409,
  'AGREEMENT.OPINION_MISSING': 409,
  'AGREEMENT.OVERLAP': 409,
  'SERVICE_PROJECT.NOT_A_DRAFT': 409,
  'SERVICE_PROJECT.NOT_ADOPTED': 409,
  'SERVICE_PROJECT.REVISION_PENDING': 409,
  'SERVICE_PROJECT.NOTHING_PENDING': 409,
  'SERVICE_PROJECT.WITHDRAWN': 409,
  'SERVICE_PROJECT.PERIOD_OVERLAP': 409,
  'ORGANISATION.SIRET_ALREADY_REGISTERED': 409,
  // Contracts service (issue 11): the CPOM's state forbids the command.
  'CPOM.INVALID_STATE': 409,
  'CPOM.OPINIONS_MISSING': 409,
  'CPOM.ALREADY_SIGNED': 409,
  'CPOM.OVERLAP': 409,
  'CPOM.TAMPERED': 409,
  'CPOM.AMENDMENT_PENDING': 409,
  // Regional diagnoses and partnership protocols (issue 11).
  'REGIONAL_DIAGNOSIS.ALREADY_EXISTS': 409,
  'PARTNERSHIP_PROTOCOL.NOT_IN_NEGOTIATION': 409,
  'PARTNERSHIP_PROTOCOL.NOT_CONCLUDED': 409,
  'PARTNERSHIP_PROTOCOL.ENDED': 409,
  'NOTIFICATION.NOT_FAILED': 409,
  'INDICATOR.CPOM_NOT_SIGNED': 409,
  'INDICATOR.ALREADY_REPORTED': 409,
  // Consultations (issue 12).
  'CONSULTATION.NOT_PENDING': 409,
  'CONSULTATION.SESSION_REQUIRED': 409,
  'CONSULTATION.ADOPTION_BEFORE_OPINION': 409,
  'CONSULTATION_PLAN.OVERLAP': 409,
  'AGREMENT_POLICY_REPORT.ALREADY_EXISTS': 409,
  'AGREMENT_POLICY_REPORT.ALREADY_PRESENTED': 409,
  'CLOCK.ADJUSTMENT_REFUSED': 409,
  'DEADLINE.NOT_PENDING': 409,
  'REQUEST.CONFLICT': 409,
  'REQUEST.IDEMPOTENCY_KEY_IN_PROGRESS': 409,
  // The request itself is malformed (RFC 9110 §15.5.1), or a header it needs is missing.
  'REQUEST.INVALID': 400,
  'REQUEST.IDEMPOTENCY_KEY_MISSING': 400,
  'REQUEST.PRECONDITION_FAILED': 412,
  'REQUEST.PRECONDITION_REQUIRED': 428,
  // A command built an event or a deadline the catalogue refuses: our fault, not the caller's.
  'EVENT.INVALID': 500,
  'DEADLINE.INVALID': 500,
  'DEADLINE.ID_CONFLICT': 500,
};

/** Families of codes every area shares, by their reason (the part after the area). */
const STATUS_BY_REASON: readonly (readonly [RegExp, number])[] = [
  [/\.UNAUTHENTICATED$/, 401],
  [/\.(FORBIDDEN|FORBIDDEN_[A-Z_]+|OUT_OF_SCOPE)$/, 403],
  [/[._]NOT_FOUND$/, 404],
  [/\.([A-Z_]+_)?UNAVAILABLE$/, 503],
];

/** The HTTP status of a domain error, from its code alone. */
export function statusOfCode(code: string): number {
  return STATUS_BY_CODE[code] ?? STATUS_BY_REASON.find(([family]) => family.test(code))?.[1] ?? 422;
}

export function statusOfDomainError(error: DomainErrorLike): number {
  return statusOfCode(error.code);
}
