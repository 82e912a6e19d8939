/** One broken rule of a request, as a problem answer lists it: the field at fault, the rule, in words. */
export interface RuleProblem {
  /** The field as the client sent it (`withdrawnOn`, `service.caisseId`, `actions[2].indicators`). */
  field: string;
  /** The rule, citing its source where the law says it, else "règle de la plateforme". */
  rule: string;
  message: string;
}

export interface DomainErrorDetails {
  /** The request field at fault, named as the client sent it; none for a problem of state. */
  field?: string | null;
  /** The rule broken, with its source (an article only where the law says it). */
  rule?: string | null;
  /** Several fields at fault at once (a refused submission lists each). */
  errors?: readonly RuleProblem[];
  /** Facts that help the client act (`currentVersion`, `otherProjectId`); never secrets. */
  context?: Readonly<Record<string, unknown>>;
}

/**
 * What a command refuses with. A domain error says what went wrong — a stable code (`AREA.REASON`, upper case,
 * what clients branch on), the field and the rule — and nothing of HTTP: `libs/http` turns codes into statuses
 * in one table (`problem/problem-status.ts`). Pure TypeScript, so domain code may throw it.
 */
export class DomainError extends Error {
  readonly field: string | null;
  readonly rule: string | null;
  readonly errors: readonly RuleProblem[];
  readonly context: Readonly<Record<string, unknown>>;

  constructor(
    readonly code: string,
    message: string,
    details: DomainErrorDetails = {},
  ) {
    super(message);
    this.name = new.target.name;
    this.field = details.field ?? null;
    this.rule = details.rule ?? null;
    this.errors = details.errors ?? [];
    this.context = details.context ?? {};
  }
}

/** `AREA.REASON`, upper case with dots: what tells a domain code from a driver's (`23505`, `ECONNRESET`). */
export const DOMAIN_CODE = /^[A-Z][A-Z0-9_]*(\.[A-Z][A-Z0-9_]*)+$/;

/** Any error carrying a domain code: a `DomainError`, or a plain class of a library that cannot import this one. */
export interface DomainErrorLike extends Error {
  code: string;
  field?: string | null;
  rule?: string | null;
  errors?: readonly RuleProblem[];
  context?: Readonly<Record<string, unknown>>;
}

export function isDomainErrorLike(error: unknown): error is DomainErrorLike {
  return (
    error instanceof Error &&
    typeof (error as { code?: unknown }).code === 'string' &&
    DOMAIN_CODE.test((error as unknown as { code: string }).code)
  );
}
