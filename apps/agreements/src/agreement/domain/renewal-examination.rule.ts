import type { RuleProblem } from '@tripartite/errors';
import type { RenewalExamination } from './agreement.types';

/** The CPOM and the service project the platform knows of the service, when the DIRECCTE decides a renewal. */
export interface KnownRenewalDocuments {
  cpomId: string | null;
  serviceProjectId: string | null;
}

const SOURCE =
  'seed 002 I.1: au renouvellement, la DIRECCTE examine la mise en œuvre du CPOM et du projet de service';

/**
 * What the DIRECCTE records of its examination must not contradict the platform's records: "none exists"
 * while the platform knows one, or an examined document that is not the service's.
 */
export function examinationProblems(
  examination: RenewalExamination,
  known: KnownRenewalDocuments,
): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const check = (key: 'cpom' | 'serviceProject', knownId: string | null, what: string) => {
    const item = examination[key];
    if (!item.exists && knownId) {
      problems.push({
        field: `renewalExamination.${key}`,
        rule: SOURCE,
        message: `says no ${what} exists, but the platform knows ${what} ${knownId} of this service: examine its implementation`,
      });
    }
    if (item.exists && item.documentId && item.documentId !== knownId) {
      problems.push({
        field: `renewalExamination.${key}.documentId`,
        rule: SOURCE,
        message: `${item.documentId} is not the ${what} the platform knows of this service${knownId ? ` (${knownId})` : ''}`,
      });
    }
  };
  check('cpom', known.cpomId, 'CPOM');
  check('serviceProject', known.serviceProjectId, 'service project');
  return problems;
}
