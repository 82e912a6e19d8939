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
  { code: 'risque_routier', label: 'Risque routier professionnel', nationalProgramme: true },
  { code: 'btp', label: 'Bâtiment et travaux publics', nationalProgramme: true },
  { code: 'interim', label: 'Travail temporaire', nationalProgramme: true },
  { code: 'grande_distribution', label: 'Grande distribution', nationalProgramme: true },
  { code: 'cmr', label: 'Risques cancérogènes, mutagènes et reprotoxiques (CMR)', nationalProgramme: false },
  { code: 'desinsertion', label: 'Prévention de la désinsertion professionnelle', nationalProgramme: false },
  { code: 'rps', label: 'Risques psychosociaux (RPS)', nationalProgramme: false },
  { code: 'tms', label: 'Troubles musculo-squelettiques (TMS)', nationalProgramme: false },
  { code: 'chutes_hauteur', label: 'Prévention des chutes de hauteur', nationalProgramme: false },
  { code: 'secteur_metier', label: 'Un secteur ou un métier', nationalProgramme: false },
];

export const actionThemeCodes = actionThemes.map((theme) => theme.code);
