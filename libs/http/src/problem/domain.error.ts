/**
 * Domain errors are declared in `@tripartite/errors` (pure TypeScript, so domain code may throw them) and
 * mapped to statuses by `problem-status.ts`; re-exported here for the HTTP side's convenience.
 */
export {
  DOMAIN_CODE,
  DomainError,
  type DomainErrorDetails,
  type DomainErrorLike,
  isDomainErrorLike,
  type RuleProblem,
} from '@tripartite/errors';
export { statusOfCode, statusOfDomainError } from './problem-status';
