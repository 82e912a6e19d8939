import type { RuleProblem } from '@tripartite/errors';
import type { OrganisationType } from './organisation.types';

/** A Caisse of the directory, with the regions it covers (a Caisse may cover two: CARSAT Sud-Est, PACA and Corse). */
export interface CoveringCaisse {
  id: string;
  name: string;
  regions: readonly string[];
}

const RULE =
  'domain.md: la caisse compétente se choisit par service, parmi celles qui couvrent sa région (L.4622-10)';

/**
 * An inter-company service's competent Caisse, chosen per service among the Caisses covering one of its regions
 * (a Caisse may cover two regions, a region may have two Caisses): the one asked for, which must cover the
 * service; else the only one covering it; none known yet → none (set later by PATCH). Several cover it and
 * none was chosen → the choice is required. An SSTA has none: it concludes no CPOM (L.4622-10).
 */
export function competentCaisse(
  service: { type: OrganisationType; regions: readonly string[] },
  requested: string | null | undefined,
  covering: readonly CoveringCaisse[],
): { caisseId: string | null } | { problem: RuleProblem } {
  const field = 'service.caisseId';
  if (service.type !== 'SSTI') {
    return requested
      ? {
          problem: {
            field,
            rule: 'L.4622-10: the CPOM, and so the competent Caisse, concern inter-company services only',
            message: `applies to an inter-company service (SSTI) only, not to an ${service.type}`,
          },
        }
      : { caisseId: null };
  }
  const candidates = covering.filter((caisse) => caisse.regions.some((r) => service.regions.includes(r)));
  if (requested) {
    if (candidates.some((caisse) => caisse.id === requested)) return { caisseId: requested };
    return {
      problem: {
        field,
        rule: RULE,
        message:
          `${requested} is not a Caisse covering region ${service.regions.join(', ')}` +
          (candidates.length > 0
            ? ` (those that do: ${candidates.map((c) => `${c.name} ${c.id}`).join(', ')})`
            : ''),
      },
    };
  }
  if (candidates.length <= 1) return { caisseId: candidates[0]?.id ?? null };
  return {
    problem: {
      field,
      rule: RULE,
      message:
        `is required: ${candidates.length} Caisses cover region ${service.regions.join(', ')} ` +
        `(${candidates.map((c) => `${c.name} ${c.id}`).join(', ')}); name the competent one`,
    },
  };
}
