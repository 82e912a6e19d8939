/**
 * Base of the errors a command refuses with. The code (`AREA.REASON`, stable, upper case) is what clients
 * branch on; the status is how HTTP says it. Any Error carrying such a `code` is mapped the same way, so
 * domain code may also declare plain classes without importing this library.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number = 422,
    /** Extra members of the problem answer (e.g. `currentVersion`); never secrets. */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** `AREA.REASON`, upper case with dots: what tells a domain code from a driver's (`23505`, `ECONNRESET`). */
export const DOMAIN_CODE = /^[A-Z][A-Z0-9_]*(\.[A-Z][A-Z0-9_]*)+$/;

export interface DomainErrorLike extends Error {
  code: string;
  status?: number;
  extensions?: Record<string, unknown>;
}

export function isDomainErrorLike(error: unknown): error is DomainErrorLike {
  return (
    error instanceof Error &&
    typeof (error as { code?: unknown }).code === 'string' &&
    DOMAIN_CODE.test((error as unknown as { code: string }).code)
  );
}

/**
 * Status of a domain error that does not state one, by the suffix of its code; anything else is a broken
 * business rule, 422.
 */
const STATUS_BY_SUFFIX: readonly [RegExp, number][] = [
  [/\.UNAUTHENTICATED$/, 401],
  [/\.(FORBIDDEN|OUT_OF_SCOPE)$/, 403],
  [/\.NOT_FOUND$/, 404],
  [/\.(CONFLICT|ALREADY_EXISTS)$/, 409],
  [/\.UNAVAILABLE$/, 503],
];

export function statusOfDomainError(error: DomainErrorLike): number {
  const { status } = error;
  if (typeof status === 'number' && Number.isInteger(status) && status >= 400 && status <= 599) return status;
  return STATUS_BY_SUFFIX.find(([suffix]) => suffix.test(error.code))?.[1] ?? 422;
}
