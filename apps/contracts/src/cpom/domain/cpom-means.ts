/**
 * The means the note lists for each party (seed 002 II.4, "les moyens mobilisés"): reference lists a region
 * picks from, or free text. Never the service's running costs ("ne précisent pas les moyens de
 * fonctionnement des services").
 */
export const direccteMeans = [
  { code: 'diagnostic_support', label: 'Aide au diagnostic (statistiques ESE, données santé-travail)' },
  { code: 'information_days', label: "Journées thématiques d'information" },
  { code: 'technical_support', label: 'Appui technique (bonnes pratiques, documents partagés)' },
  { code: 'network_animation', label: 'Animation de réseau' },
  { code: 'p111_funding', label: 'Financements du programme budgétaire 111' },
  { code: 'valorisation', label: 'Valorisation des actions' },
] as const;

export const caisseMeans = [
  { code: 'company_targeting', label: 'Ciblage des entreprises' },
  { code: 'regional_diagnostics', label: 'Diagnostics régionaux et infra-régionaux' },
  { code: 'pluridisciplinarity_support', label: 'Appui à la pluridisciplinarité' },
  { code: 'joint_communication', label: 'Communication commune vers les entreprises' },
  { code: 'training', label: 'Offres de formation' },
  { code: 'project_methodology', label: 'Méthodologie de projet et indicateurs de réussite' },
  {
    code: 'documentation',
    label: 'Appui documentaire (INRS, cellules risques chimiques, physiques, biologiques)',
  },
  { code: 'technical_units', label: 'Unités techniques (laboratoires, centres de mesures physiques)' },
  { code: 'financial_incentives', label: 'Incitations financières' },
  { code: 'assurance_maladie_interface', label: "Interface avec le réseau de l'Assurance Maladie" },
] as const;

export const meanCodes = {
  direccte: direccteMeans.map((mean) => mean.code) as readonly string[],
  caisse: caisseMeans.map((mean) => mean.code) as readonly string[],
};
