import { defineTemplate, htmlMessage, textMessage } from '../notification-template';
import { type ContractData, PARTIES_TEXT } from './contract-data';

export interface ContractSignedData extends ContractData {
  signedOn: string;
  periodStart: string;
  periodEnd: string;
}

/** To the three parties, and the CRPRP and ARS that gave their opinions: the CPOM is concluded. */
export const contractSignedTemplate = defineTemplate<'contract-signed', ContractSignedData>({
  key: 'contract-signed',
  family: 'information',
  description: 'CPOM signé par les trois parties',
  subject: 'CPOM de {{service}} signé, du {{date periodStart}} au {{date periodEnd}}',
  text: textMessage(
    `
Le contrat pluriannuel d’objectifs et de moyens (CPOM) de {{service}} a été signé le {{date signedOn}} par les trois parties. Il court du {{date periodStart}} au {{date periodEnd}} (articles L.4622-10 et D.4622-47 du Code du travail).

${PARTIES_TEXT}
{{regionLabel}} : {{regionList}}

Il fera l’objet d’un examen au moins annuel par les trois parties.
`,
    'Consulter le CPOM',
  ),
  html: htmlMessage(
    `
    <p>Le contrat pluriannuel d’objectifs et de moyens (CPOM) de <strong>{{service}}</strong> a été signé le {{date signedOn}} par les trois parties. Il court du {{date periodStart}} au <strong>{{date periodEnd}}</strong> (articles L.4622-10 et D.4622-47 du Code du travail).</p>
    <p>${PARTIES_TEXT}<br>{{regionLabel}} : {{regionList}}</p>
    <p>Il fera l’objet d’un examen au moins annuel par les trois parties.</p>
`,
    'Consulter le CPOM',
  ),
});
