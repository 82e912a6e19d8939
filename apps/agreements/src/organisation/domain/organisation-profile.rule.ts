import type { RuleProblem } from '@tripartite/errors';
import type { OrganisationSnapshot } from './organisation.types';
import { isValidSiret } from './siret.rule';

const SERVICES = ['SSTI', 'SSTA'];

/**
 * What each kind of organisation must (and must not) carry in the directory:
 * - a Caisse says which fund it is (CARSAT, CGSS overseas, CRAMIF in Île-de-France) — domain brief, actors;
 * - a service (SSTI, SSTA) has a SIRET and its profile: employees followed, member companies, BTP, sectors
 *   (issue 4: the agrément fixes limits per employees followed; BTP services get the OPPBTP annex);
 * - a SIRET, where given, is valid (INSEE key).
 */
export function organisationProfileProblems(
  state: Pick<OrganisationSnapshot, 'type'> &
    Partial<Pick<OrganisationSnapshot, 'caisseKind' | 'siret'>> & {
      service?: Omit<NonNullable<OrganisationSnapshot['service']>, 'caisseId'> | null;
    },
): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (state.type === 'CAISSE' && !state.caisseKind) {
    problems.push({
      field: 'caisseKind',
      rule: 'required',
      message: 'is required for a Caisse (CARSAT, CGSS or CRAMIF)',
    });
  }
  if (state.type !== 'CAISSE' && state.caisseKind) {
    problems.push({ field: 'caisseKind', rule: 'caisse-only', message: 'applies to a Caisse only' });
  }
  if (state.siret && !isValidSiret(state.siret)) {
    problems.push({
      field: 'siret',
      rule: 'siret',
      message: 'is not a valid SIRET (14 digits with a valid key)',
    });
  }
  if (SERVICES.includes(state.type)) {
    if (!state.siret)
      problems.push({ field: 'siret', rule: 'required', message: 'is required for a service' });
    if (!state.service) {
      problems.push({
        field: 'service',
        rule: 'required',
        message: 'is required for a service (SSTI or SSTA)',
      });
    }
  } else if (state.service) {
    problems.push({ field: 'service', rule: 'service-only', message: 'applies to an SSTI or SSTA only' });
  }
  return problems;
}
