import type { RuleProblem } from '@tripartite/errors';

/** An organisation as the directory knows it (the fields the parties' rule reads). */
export interface PartyOrganisation {
  id: string;
  type: string;
  regions: string[];
  caisseId: string | null;
}

/**
 * The three parties of a CPOM (L.4622-10): an inter-company service (an SSTA has no CPOM), the DIRECCTE of
 * its region, and its competent Caisse (chosen per service: a Caisse may cover two regions, domain.md).
 * `null` organisations are unknown to the directory.
 */
export function partyProblems(parties: {
  service: PartyOrganisation | null;
  direccte: PartyOrganisation | null;
  caisse: PartyOrganisation | null;
}): RuleProblem[] {
  const { service, direccte, caisse } = parties;
  const problems: RuleProblem[] = [];
  if (service?.type !== 'SSTI') {
    problems.push({
      field: 'serviceId',
      rule: 'seuls les services de santé au travail interentreprises concluent un CPOM (L.4622-10)',
      message: service
        ? `organisation ${service.id} is an ${service.type}, not an SSTI`
        : 'no such service in the directory',
    });
  }
  if (direccte?.type !== 'DIRECCTE') {
    problems.push({
      field: 'direccteId',
      rule: 'le CPOM est conclu avec le DIRECCTE (L.4622-10)',
      message: direccte
        ? `organisation ${direccte.id} is not a DIRECCTE`
        : 'no such DIRECCTE in the directory',
    });
  } else if (service && !service.regions.some((region) => direccte.regions.includes(region))) {
    problems.push({
      field: 'direccteId',
      rule: 'le DIRECCTE de la région du service (L.4622-10)',
      message: `the DIRECCTE ${direccte.id} does not cover the service's region`,
    });
  }
  if (caisse?.type !== 'CAISSE') {
    problems.push({
      field: 'caisseId',
      rule: "le CPOM est conclu avec l'organisme de prévention des caisses de sécurité sociale (L.4622-10)",
      message: caisse ? `organisation ${caisse.id} is not a Caisse` : 'no such Caisse in the directory',
    });
  } else if (service && service.type === 'SSTI' && service.caisseId !== caisse.id) {
    problems.push({
      field: 'caisseId',
      rule: 'la Caisse compétente pour le service (L.4622-10; une Caisse peut couvrir deux régions)',
      message:
        service.caisseId === null
          ? 'the directory knows no competent Caisse for this service yet'
          : `the service's competent Caisse is ${service.caisseId}`,
    });
  }
  return problems;
}
