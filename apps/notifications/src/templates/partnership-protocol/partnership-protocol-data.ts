import type { CommonTemplateData } from '../notification-template';

/** What every partnership-protocol message shows: the protocol, its two parties, the DIRECCTE, the themes. */
export interface PartnershipProtocolData extends CommonTemplateData {
  protocolId: string;
  service: string;
  caisse: string;
  direccte: string;
  /** The themes in words, as one French enumeration ("visites de pré-reprise et études communes"). */
  themes: string;
  regionLabel: string;
  regionList: string;
}

/** Parties and themes, in text (and in HTML: no markup in it, so it is escaped like any value). */
export const PROTOCOL_TEXT = `Parties au protocole : {{service}} et {{caisse}}
Thèmes retenus : {{themes}}
{{regionLabel}} : {{regionList}}`;

export const PROTOCOL_HTML = `<p>Parties au protocole : {{service}} et {{caisse}}<br>Thèmes retenus : {{themes}}<br>{{regionLabel}} : {{regionList}}</p>`;

/**
 * Why the DIRECCTE receives it (seed 000): it is "systématiquement informé de la négociation puis de la
 * conclusion de ces protocoles ainsi que des thèmes choisis et de la mise en œuvre des actions".
 */
export const DIRECCTE_TOLD_TEXT =
  '{{direccte}} est informée de chaque étape de ce protocole, de ses thèmes et de la mise en œuvre de ses actions.';
