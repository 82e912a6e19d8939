import { REGION_NAMES } from '@tripartite/events';
import { csvOf } from './csv-table';
import type { SteeringFigures } from './steering-figures';

const STATUS_HEADERS: Readonly<Record<string, string>> = {
  draft: 'CPOM en préparation',
  submitted: 'CPOM soumis aux avis',
  ready_to_sign: 'CPOM prêts à signer',
  signed: 'CPOM signés en vigueur',
  expired: 'CPOM échus',
  evaluated: 'CPOM évalués',
};

/** One line per region (and the total, or per year of a history), one column per figure, in French. */
export function steeringCsv(lines: readonly { label: string; figures: SteeringFigures }[]): string {
  const first = lines[0]?.figures;
  const themes = first?.actionsByTheme ?? [];
  const statuses = Object.keys(first?.cpomsByStatus ?? STATUS_HEADERS);
  const headers = [
    'Région',
    'Date',
    'Services agréés',
    'SSTI agréés',
    'Agréments conditionnels',
    'Agréments échéant sous 12 mois',
    'Projets de service approuvés',
    'CPOM en vigueur',
    ...statuses.map((status) => STATUS_HEADERS[status] ?? status),
    'Salariés suivis (services agréés)',
    'Salariés suivis (services avec CPOM en vigueur)',
    'Part des SSTI agréés avec CPOM en vigueur (%)',
    'Part des SSTI agréés avec protocole de partenariat (%)',
    'Objectif de couverture partenariale (%)',
    ...themes.map(
      (theme) => `Actions : ${theme.label}${theme.nationalProgramme ? ' (programme national)' : ''}`,
    ),
    'Indicateurs dans la trajectoire',
    'Indicateurs en retard',
    'Indicateurs sans donnée',
    'Revues annuelles à tenir',
    'Revues annuelles en retard',
    "Revues annuelles tenues dans l'année",
  ];
  const percent = (share: number | null) => (share === null ? null : share * 100);
  const rows = lines.map(({ label, figures: f }) => [
    label,
    f.at,
    f.agreements.agreedServices,
    f.agreements.agreedSsti,
    f.agreements.conditional,
    f.agreements.expiringWithin12Months,
    f.serviceProjectsApproved,
    f.cpomsInForce,
    ...statuses.map((status) => f.cpomsByStatus[status] ?? 0),
    f.employeesFollowed.byAgreedServices,
    f.employeesFollowed.byServicesWithCpomInForce,
    percent(f.coverage.cpomShare),
    percent(f.coverage.partnershipShare),
    f.coverage.partnershipTarget * 100,
    ...themes.map((theme) => f.actionsByTheme.find((t) => t.theme === theme.theme)?.actions ?? 0),
    f.indicators.onTrack,
    f.indicators.behind,
    f.indicators.noData,
    f.reviews.due,
    f.reviews.overdue,
    f.reviews.heldInYear,
  ]);
  return csvOf(headers, rows);
}

/** The region's name, or "France entière" for the national total. */
export function regionLabel(code: string): string {
  return code === 'total' ? 'France entière' : (REGION_NAMES[code] ?? code);
}
