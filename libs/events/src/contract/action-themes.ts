/**
 * The reference list of action themes of a CPOM (issue 11): the note's examples (seed 002 II.4) and the
 * national priority programmes of the Caisse/SSTi partnership (seed 000). Regions may add codes of their
 * own; the national programmes come first in the steering figures.
 */
export interface ActionTheme {
  readonly code: string;
  /** The label shown to people, in French. */
  readonly label: string;
  /** One of seed 000's national priority programmes. */
  readonly nationalProgramme: boolean;
}

export const actionThemes: readonly ActionTheme[] = [
  // Seed 000, programme 1: the national coordinated action programmes (PNAC), "4 thèmes et 3 secteurs
  // prioritaires (TMS, risques routiers, CMR, risques psychosociaux, BTP, intérim, grande distribution)".
  { code: 'tms', label: 'Troubles musculo-squelettiques (TMS)', nationalProgramme: true },
  { code: 'risque_routier', label: 'Risque routier professionnel', nationalProgramme: true },
  { code: 'cmr', label: 'Risques cancérogènes, mutagènes et reprotoxiques (CMR)', nationalProgramme: true },
  { code: 'rps', label: 'Risques psychosociaux (RPS)', nationalProgramme: true },
  { code: 'btp', label: 'Bâtiment et travaux publics', nationalProgramme: true },
  { code: 'interim', label: 'Travail temporaire', nationalProgramme: true },
  { code: 'grande_distribution', label: 'Grande distribution', nationalProgramme: true },
  // The note's other examples (seed 002 II.4).
  { code: 'desinsertion', label: 'Prévention de la désinsertion professionnelle', nationalProgramme: false },
  { code: 'chutes_hauteur', label: 'Prévention des chutes de hauteur', nationalProgramme: false },
  { code: 'secteur_metier', label: 'Un secteur ou un métier', nationalProgramme: false },
];

export const actionThemeCodes = actionThemes.map((theme) => theme.code);
