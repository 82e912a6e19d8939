import { defineTemplate, htmlMessage, textMessage } from '../notification-template';
import { type ContractData, PARTIES_TEXT } from './contract-data';

export interface ContractSubmittedData extends ContractData {
  submittedOn: string;
  periodStart: string;
  periodEnd: string;
}

/** To the three parties: the draft CPOM goes to the CRPRP and the ARS for their opinions (L.4622-10). */
export const contractSubmittedTemplate = defineTemplate<'contract-submitted', ContractSubmittedData>({
  key: 'contract-submitted',
  family: 'acknowledgment',
  description: 'Projet de CPOM soumis aux avis du CRPRP et de l’ARS',
  subject: 'projet de CPOM de {{service}} soumis pour avis',
  text: textMessage(
    `
Le projet de contrat pluriannuel d’objectifs et de moyens (CPOM) de {{service}} a été soumis le {{date submittedOn}}, pour la période du {{date periodStart}} au {{date periodEnd}}.

${PARTIES_TEXT}
{{regionLabel}} : {{regionList}}

Il est conclu après avis de la formation restreinte du comité régional de prévention des risques professionnels (CRPRP) et de l’agence régionale de santé (ARS) (article L.4622-10 du Code du travail).
`,
    'Consulter le projet de CPOM',
  ),
  html: htmlMessage(
    `
    <p>Le projet de contrat pluriannuel d’objectifs et de moyens (CPOM) de <strong>{{service}}</strong> a été soumis le {{date submittedOn}}, pour la période du {{date periodStart}} au {{date periodEnd}}.</p>
    <p>${PARTIES_TEXT}<br>{{regionLabel}} : {{regionList}}</p>
    <p>Il est conclu après avis de la formation restreinte du comité régional de prévention des risques professionnels (CRPRP) et de l’agence régionale de santé (ARS) (article L.4622-10 du Code du travail).</p>
`,
    'Consulter le projet de CPOM',
  ),
});
