import { defineTemplate, htmlMessage, textMessage } from '../notification-template';
import { type ContractData, PARTIES_TEXT } from './contract-data';

export interface ContractReadyToSignData extends ContractData {
  readyOn: string;
}

/** To the three parties: both opinions are in; the CPOM may be signed (D.4622-44). */
export const contractReadyToSignTemplate = defineTemplate<'contract-ready-to-sign', ContractReadyToSignData>({
  key: 'contract-ready-to-sign',
  family: 'information',
  description: 'CPOM prêt à être signé (avis du CRPRP et de l’ARS rendus)',
  subject: 'le CPOM de {{service}} peut être signé',
  text: textMessage(
    `
Les avis de la formation restreinte du CRPRP et de l’agence régionale de santé sur le CPOM de {{service}} sont rendus depuis le {{date readyOn}} : le contrat peut être signé par les trois parties (article D.4622-44 du Code du travail).

${PARTIES_TEXT}
`,
    'Consulter le CPOM et les avis',
  ),
  html: htmlMessage(
    `
    <p>Les avis de la formation restreinte du CRPRP et de l’agence régionale de santé sur le CPOM de <strong>{{service}}</strong> sont rendus depuis le {{date readyOn}} : <strong>le contrat peut être signé</strong> par les trois parties (article D.4622-44 du Code du travail).</p>
    <p>${PARTIES_TEXT}</p>
`,
    'Consulter le CPOM et les avis',
  ),
});
