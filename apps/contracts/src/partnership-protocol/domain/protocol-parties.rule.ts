import type { RuleProblem } from '@tripartite/errors';

/** An organisation as the directory knows it (the fields the rule reads). */
export interface ProtocolOrganisation {
  id: string;
  type: string;
  regions: string[];
  caisseId: string | null;
}

/**
 * The two parties of a partnership protocol (seed 000, programmes 2 and 6: "protocoles de partenariat entre
 * les CRAM et les services de santé au travail interentreprises"): an inter-company service (an SSTA is
 * refused) and the Caisse competent for it, which the directory names per service (a Caisse may cover two
 * regions, so "a Caisse of the region" is not enough). The DIRECCTE of the service's region must be known:
 * it is told of each step. `null` organisations are unknown to the directory.
 */
export function protocolPartyProblems(parties: {
  service: ProtocolOrganisation | null;
  caisse: ProtocolOrganisation | null;
  direccte: ProtocolOrganisation | null;
}): RuleProblem[] {
  const { service, caisse, direccte } = parties;
  const problems: RuleProblem[] = [];
  if (service?.type !== 'SSTI') {
    problems.push({
      field: 'serviceId',
      rule: 'seed 000: a partnership protocol is signed by an inter-company service (SSTI)',
      message: service
        ? `organisation ${service.id} is an ${service.type}, not an SSTI`
        : 'no such service in the directory',
    });
  }
  if (caisse?.type !== 'CAISSE') {
    problems.push({
      field: 'caisseId',
      rule: 'seed 000: a partnership protocol is signed by the Caisse (CRAM, now CARSAT)',
      message: caisse
        ? `organisation ${caisse.id} is a ${caisse.type}, not a Caisse`
        : 'no such Caisse in the directory',
    });
  } else if (service && service.type === 'SSTI' && service.caisseId !== caisse.id) {
    problems.push({
      field: 'caisseId',
      rule: 'seed 000: the Caisse competent for the service (a Caisse may cover two regions)',
      message:
        service.caisseId === null
          ? 'the directory knows no competent Caisse for this service yet'
          : `the service's competent Caisse is ${service.caisseId}`,
    });
  }
  if (service && service.type === 'SSTI' && !direccte) {
    problems.push({
      field: 'serviceId',
      rule: 'seed 000: the DIRECCTE is "systématiquement informé de la négociation" (it must be known)',
      message: `the directory knows no DIRECCTE of the service's region (${service.regions.join(', ')})`,
    });
  }
  return problems;
}
