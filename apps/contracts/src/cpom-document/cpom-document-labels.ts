import type { ConsultedBodyKind, PriorityOrigin } from '@tripartite/events';
import { actionThemes } from '@tripartite/events';
import type { CpomDocumentIndicator, CpomDocumentOpinion, CpomParty } from './cpom-document-view';

/** The French words the printed CPOM uses for the catalogue's codes. */

export const partyLabels: Readonly<Record<CpomParty, string>> = {
  service: 'Service de santé au travail interentreprises (SSTI)',
  direccte: 'DIRECCTE',
  caisse: 'Caisse (CARSAT / CRAMIF / CGSS)',
};

/** Short names for the table's first column. */
export const partyShortLabels: Readonly<Record<CpomParty, string>> = {
  service: 'SSTI',
  direccte: 'DIRECCTE',
  caisse: 'Caisse',
};

export const originLabels: Readonly<Record<PriorityOrigin, string>> = {
  service_project: 'projet pluriannuel de service',
  prst: 'plan régional santé au travail (PRST)',
  cog_atmp: 'COG AT-MP régionale',
  direccte_caisse: 'priorité commune DIRECCTE et Caisse',
};

export const outcomeLabels: Readonly<Record<CpomDocumentOpinion['outcome'], string>> = {
  favourable: 'favorable',
  reserved: 'favorable avec réserves',
  unfavourable: 'défavorable',
};

export const bodyKindLabels: Readonly<Record<ConsultedBodyKind, string>> = {
  CRPRP_RESTRICTED: 'CRPRP, formation restreinte',
  GPRO: 'Groupe permanent régional d’orientation (GPRO)',
  CRPST: 'Comité régional de prévention et de santé au travail',
  CROCT: 'Comité régional d’orientation des conditions de travail (CROCT)',
  ARS: 'Agence régionale de santé (ARS)',
};

const purposeLabels: Readonly<Record<CpomDocumentIndicator['purpose'], string>> = {
  follow_up: 'indicateur de suivi',
  result: 'indicateur de résultat',
};

const frequencyLabels: Readonly<Record<CpomDocumentIndicator['frequency'], string>> = {
  yearly: 'annuelle',
  half_yearly: 'semestrielle',
};

const directionLabels: Readonly<Record<NonNullable<CpomDocumentIndicator['direction']>, string>> = {
  increase: 'à la hausse',
  decrease: 'à la baisse',
  maintain: 'à maintenir',
};

/** The theme's label from the reference list, else the region's own code as written. */
export function themeLabel(code: string): string {
  return actionThemes.find((theme) => theme.code === code)?.label ?? code;
}

/** "Indicateur de résultat, quantitatif : 120 visites (référence 80), à la hausse ; fréquence annuelle". */
export function indicatorLine(indicator: CpomDocumentIndicator): string {
  const purpose = purposeLabels[indicator.purpose];
  const frequency = `fréquence ${frequencyLabels[indicator.frequency]}`;
  if (indicator.kind === 'qualitative') return `${indicator.name} : ${purpose}, qualitatif ; ${frequency}`;
  const unit = indicator.unit ?? '';
  const target = indicator.target === null ? 'non fixée' : `${frenchNumber(indicator.target)} ${unit}`.trim();
  const baseline =
    indicator.baseline === null ? 'non connue' : `${frenchNumber(indicator.baseline)} ${unit}`.trim();
  const direction = indicator.direction === null ? '' : `, ${directionLabels[indicator.direction]}`;
  return `${indicator.name} : ${purpose}, quantitatif ; cible ${target} (référence ${baseline})${direction} ; ${frequency}`;
}

function frenchNumber(value: number): string {
  return value.toLocaleString('fr-FR').replace(/\u202f/g, '\u00a0');
}
