import { defineTemplate, htmlMessage, textMessage } from '../notification-template';
import { type ContractData, PARTIES_TEXT } from './contract-data';

export interface ContractExpiredData extends ContractData {
  periodEnd: string;
}

/** To the three parties: the CPOM reached its term (D.4622-47); its final evaluation is due. */
export const contractExpiredTemplate = defineTemplate<'contract-expired', ContractExpiredData>({
  key: 'contract-expired',
  family: 'information',
  description: 'CPOM arrivé à son terme',
  subject: 'le CPOM de {{service}} est arrivé à son terme le {{date periodEnd}}',
  text: textMessage(
    `
Le CPOM de {{service}} est arrivé à son terme le {{date periodEnd}} (article D.4622-47 du Code du travail : cinq ans au plus).

${PARTIES_TEXT}

Son évaluation finale et son bilan sont à enregistrer : la DIRECCTE les examine lors du renouvellement de l’agrément du service (note du 9 mai 2012, partie II.4).
`,
    'Consulter le CPOM',
  ),
  html: htmlMessage(
    `
    <p>Le CPOM de <strong>{{service}}</strong> est arrivé à son terme le {{date periodEnd}} (article D.4622-47 du Code du travail : cinq ans au plus).</p>
    <p>${PARTIES_TEXT}</p>
    <p>Son évaluation finale et son bilan sont à enregistrer : la DIRECCTE les examine lors du renouvellement de l’agrément du service (note du 9 mai 2012, partie II.4).</p>
`,
    'Consulter le CPOM',
  ),
});
