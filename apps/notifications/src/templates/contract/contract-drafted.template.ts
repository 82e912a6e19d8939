import { defineTemplate, htmlMessage, textMessage } from '../notification-template';
import { type ContractData, PARTIES_TEXT } from './contract-data';

export interface ContractDraftedData extends ContractData {
  draftedOn: string;
  periodStart: string;
  periodEnd: string;
}

/** To the three parties: a CPOM draft was opened on the platform (seed 002 II.2). */
export const contractDraftedTemplate = defineTemplate<'contract-drafted', ContractDraftedData>({
  key: 'contract-drafted',
  family: 'acknowledgment',
  description: 'Projet de CPOM ouvert sur la plateforme',
  subject: 'projet de CPOM de {{service}} ouvert',
  text: textMessage(
    `
Un projet de contrat pluriannuel d’objectifs et de moyens (CPOM) de {{service}} a été ouvert le {{date draftedOn}}, pour la période du {{date periodStart}} au {{date periodEnd}}.

${PARTIES_TEXT}
{{regionLabel}} : {{regionList}}

Les trois parties peuvent désormais en rédiger le contexte, les priorités partagées et les programmes d’actions, avec les engagements de chacune (note du 9 mai 2012, partie II.4).
`,
    'Consulter le projet de CPOM',
  ),
  html: htmlMessage(
    `
    <p>Un projet de contrat pluriannuel d’objectifs et de moyens (CPOM) de <strong>{{service}}</strong> a été ouvert le {{date draftedOn}}, pour la période du {{date periodStart}} au {{date periodEnd}}.</p>
    <p>${PARTIES_TEXT}<br>{{regionLabel}} : {{regionList}}</p>
    <p>Les trois parties peuvent désormais en rédiger le contexte, les priorités partagées et les programmes d’actions, avec les engagements de chacune (note du 9 mai 2012, partie II.4).</p>
`,
    'Consulter le projet de CPOM',
  ),
});
