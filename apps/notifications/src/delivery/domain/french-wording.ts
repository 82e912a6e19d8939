/** Names of the regions by INSEE code (2016 map and overseas regions). */
const REGION_NAMES: Readonly<Record<string, string>> = {
  '01': 'Guadeloupe',
  '02': 'Martinique',
  '03': 'Guyane',
  '04': 'La Réunion',
  '06': 'Mayotte',
  '11': 'Île-de-France',
  '24': 'Centre-Val de Loire',
  '27': 'Bourgogne-Franche-Comté',
  '28': 'Normandie',
  '32': 'Hauts-de-France',
  '44': 'Grand Est',
  '52': 'Pays de la Loire',
  '53': 'Bretagne',
  '75': 'Nouvelle-Aquitaine',
  '76': 'Occitanie',
  '84': 'Auvergne-Rhône-Alpes',
  '93': 'Provence-Alpes-Côte d’Azur',
  '94': 'Corse',
};

/** "Bretagne (53)"; a code without a known name stays readable: "région 05". */
export function regionInWords(code: string): string {
  const name = REGION_NAMES[code];
  return name ? `${name} (${code})` : `région ${code}`;
}

/** A French enumeration: "A", "A et B", "A, B et C". */
export function frenchList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`;
}

/** The regions of a payload in words, with the right label: "Région : Bretagne (53)". */
export function regionsInWords(codes: readonly string[]): { regionLabel: string; regionList: string } {
  return {
    regionLabel: codes.length > 1 ? 'Régions' : 'Région',
    regionList: frenchList(codes.map(regionInWords)),
  };
}

/** "0 jour" is not French: "aujourd’hui", "demain", "dans 30 jours"; past days "il y a 2 jours". */
export function daysLeftInWords(days: number): string {
  if (days === 0) return 'aujourd’hui';
  if (days === 1) return 'demain';
  if (days === -1) return 'hier';
  return days > 0 ? `dans ${days} jours` : `il y a ${-days} jours`;
}

const DURATION_UNITS: readonly [RegExp, string, string][] = [
  [/(\d+)Y/, 'an', 'ans'],
  [/(\d+)M/, 'mois', 'mois'],
  [/(\d+)W/, 'semaine', 'semaines'],
  [/(\d+)D/, 'jour', 'jours'],
];

/** An ISO 8601 period of days to years in words: `P6M` → "6 mois", `P7D` → "7 jours", `P1Y2M` → "1 an et 2 mois". */
export function durationInWords(iso: string): string {
  const date = /^P([^T]*)$/.exec(iso)?.[1];
  if (date === undefined) return iso;
  const parts = DURATION_UNITS.flatMap(([pattern, one, many]) => {
    const n = Number(pattern.exec(date)?.[1] ?? 0);
    return n > 0 ? [`${n} ${n === 1 ? one : many}`] : [];
  });
  return parts.length > 0 ? frenchList(parts) : iso;
}

/** A number as a French reader writes it: 48 000 (narrow no-break space between thousands). */
export function numberInWords(n: number): string {
  return new Intl.NumberFormat('fr-FR').format(n);
}

/** Grounds of a compliance notice, a shortening or a withdrawal (D.4622-51). */
export const COMPLIANCE_GROUNDS_IN_WORDS: Readonly<Record<string, string>> = {
  no_cpom: 'absence de contrat pluriannuel d’objectifs et de moyens (CPOM)',
  staffing_limits: 'dépassement des effectifs maximaux fixés par l’agrément',
  prescriptions_not_met: 'prescriptions de l’agrément non respectées',
  other: 'autre motif (voir le texte de la décision)',
};

/** The médecin inspecteur du travail's verdict, or a consulted body's opinion, as an adjective. */
export const OPINION_IN_WORDS: Readonly<Record<string, string>> = {
  favourable: 'favorable',
  unfavourable: 'défavorable',
  reserved: 'réservé',
};

/** The bodies consulted before a CPOM is concluded (L.4622-10), as a title (no article). */
export const CONSULTED_BODY_IN_WORDS: Readonly<Record<string, string>> = {
  CRPRP_RESTRICTED:
    'formation restreinte du comité régional de prévention des risques professionnels (CRPRP)',
  GPRO: 'groupe permanent régional d’orientation des conditions de travail (GPRO)',
  CRPST: 'commission régionale de prévention et de santé au travail (CRPST)',
  CROCT: 'comité régional d’orientation des conditions de travail (CROCT)',
  ARS: 'agence régionale de santé (ARS)',
};

/** The themes of a Caisse/SSTI partnership protocol (seed 000, programmes 2 and 6). */
export const PARTNERSHIP_THEME_IN_WORDS: Readonly<Record<string, string>> = {
  desinsertion_professionnelle: 'prévention de la désinsertion professionnelle',
  tracabilite_expositions: 'traçabilité des expositions professionnelles',
  etudes_communes: 'études communes',
  visites_pre_reprise: 'visites de pré-reprise',
  autre: 'autre thème',
};

export const APPLICATION_IN_WORDS: Readonly<Record<string, string>> = {
  first: 'première demande d’agrément',
  renewal: 'demande de renouvellement d’agrément',
};
