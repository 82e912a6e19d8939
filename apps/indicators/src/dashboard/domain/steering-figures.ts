import { actionThemes } from '@tripartite/events';
import { cpomStatuses } from '../../projection/domain/cpom-contribution';

/** Seed 000: "atteindre un taux de couverture des SSTi de 50 %" by Caisse/SSTi partnership protocols. */
export const PARTNERSHIP_COVERAGE_TARGET = 0.5;

/** The figures of one region (or of the nation) at a date (seed 002 I.2, seed 000). */
export interface SteeringFigures {
  region: string;
  at: string;
  agreements: {
    agreedServices: number;
    agreedSsti: number;
    conditional: number;
    expiringWithin12Months: number;
  };
  serviceProjectsApproved: number;
  cpomsInForce: number;
  cpomsByStatus: Record<string, number>;
  employeesFollowed: { byAgreedServices: number; byServicesWithCpomInForce: number };
  coverage: {
    agreedSsti: number;
    withCpomInForce: number;
    cpomShare: number | null;
    withPartnershipProtocol: number;
    partnershipShare: number | null;
    partnershipTarget: number;
  };
  actionsByTheme: { theme: string; label: string; nationalProgramme: boolean; actions: number }[];
  indicators: { onTrack: number; behind: number; noData: number };
  reviews: { due: number; overdue: number; heldInYear: number };
}

/** The date-bound figures, summed from the per-entity rows at a date. */
export interface DatedFigures {
  agreedServices: number;
  agreedSsti: number;
  conditional: number;
  expiringWithin12Months: number;
  serviceProjectsApproved: number;
  cpomsInForce: number;
  employeesAgreed: number;
  employeesWithCpom: number;
  sstiWithCpom: number;
  sstiWithProtocol: number;
}

export type Counters = Readonly<Record<string, number>>;

export const NO_DATED_FIGURES: DatedFigures = {
  agreedServices: 0,
  agreedSsti: 0,
  conditional: 0,
  expiringWithin12Months: 0,
  serviceProjectsApproved: 0,
  cpomsInForce: 0,
  employeesAgreed: 0,
  employeesWithCpom: 0,
  sstiWithCpom: 0,
  sstiWithProtocol: 0,
};

/** Puts a region's dated figures and counters together; themes in reference order, national programmes first. */
export function steeringFiguresOf(
  region: string,
  at: string,
  dated: DatedFigures,
  counters: Counters,
): SteeringFigures {
  const count = (figure: string, key: string) => counters[`${figure}:${key}`] ?? 0;
  const known = [...actionThemes].sort((a, b) => Number(b.nationalProgramme) - Number(a.nationalProgramme));
  const extra = Object.keys(counters)
    .filter((key) => key.startsWith('actions_by_theme:'))
    .map((key) => key.slice('actions_by_theme:'.length))
    .filter((theme) => !known.some((reference) => reference.code === theme))
    .sort();
  return {
    region,
    at,
    agreements: {
      agreedServices: dated.agreedServices,
      agreedSsti: dated.agreedSsti,
      conditional: dated.conditional,
      expiringWithin12Months: dated.expiringWithin12Months,
    },
    serviceProjectsApproved: dated.serviceProjectsApproved,
    cpomsInForce: dated.cpomsInForce,
    cpomsByStatus: Object.fromEntries(
      cpomStatuses.map((status) => [status, count('cpoms_by_status', status)]),
    ),
    employeesFollowed: {
      byAgreedServices: dated.employeesAgreed,
      byServicesWithCpomInForce: dated.employeesWithCpom,
    },
    coverage: {
      agreedSsti: dated.agreedSsti,
      withCpomInForce: dated.sstiWithCpom,
      cpomShare: shareOf(dated.sstiWithCpom, dated.agreedSsti),
      withPartnershipProtocol: dated.sstiWithProtocol,
      partnershipShare: shareOf(dated.sstiWithProtocol, dated.agreedSsti),
      partnershipTarget: PARTNERSHIP_COVERAGE_TARGET,
    },
    actionsByTheme: [
      ...known.map((theme) => ({
        theme: theme.code,
        label: theme.label,
        nationalProgramme: theme.nationalProgramme,
        actions: count('actions_by_theme', theme.code),
      })),
      ...extra.map((theme) => ({
        theme,
        label: theme,
        nationalProgramme: false,
        actions: count('actions_by_theme', theme),
      })),
    ],
    indicators: {
      onTrack: count('indicators', 'on_track'),
      behind: count('indicators', 'behind'),
      noData: count('indicators', 'no_data'),
    },
    reviews: {
      due: count('reviews', 'due'),
      overdue: count('reviews', 'overdue'),
      heldInYear: count('reviews_held', at.slice(0, 4)),
    },
  };
}

/** Adds two regions' dated figures (the national total). */
export function addDated(a: DatedFigures, b: DatedFigures): DatedFigures {
  return Object.fromEntries(
    Object.keys(a).map((key) => [key, a[key as keyof DatedFigures] + b[key as keyof DatedFigures]]),
  ) as unknown as DatedFigures;
}

function shareOf(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
}
