import { defineTemplate, htmlMessage, textMessage } from '../notification-template';
import { type ContractData, PARTIES_TEXT } from './contract-data';

export interface ContractTermDueData extends ContractData {
  periodEnd: string;
  months: number;
}

/**
 * To the three parties: the CPOM ends soon; prepare its final evaluation and the next generation (seed 002
 * II.4). A final evaluation missing after the term is `contract-evaluation-overdue`.
 */
export const contractTermDueTemplate = defineTemplate<'contract-term-due', ContractTermDueData>({
  key: 'contract-term-due',
  family: 'reminder',
  description: 'Échéance du CPOM : évaluation finale et génération suivante',
  subject: 'échéance du CPOM de {{service}} le {{date periodEnd}}',
  text: textMessage(
    `
Le CPOM de {{service}} prend fin le {{date periodEnd}}, dans {{months}} mois.

${PARTIES_TEXT}

À son terme, le CPOM fait l’objet d’une évaluation et d’un bilan, pris en compte par la DIRECCTE lors du renouvellement de l’agrément du service (note du 9 mai 2012, partie II.4). Pensez aussi à préparer le CPOM de la génération suivante.
`,
    'Consulter le CPOM',
  ),
  html: htmlMessage(
    `
    <p>Le CPOM de <strong>{{service}}</strong> prend fin le <strong>{{date periodEnd}}</strong>, dans {{months}} mois.</p>
    <p>${PARTIES_TEXT}</p>
    <p>À son terme, le CPOM fait l’objet d’une évaluation et d’un bilan, pris en compte par la DIRECCTE lors du renouvellement de l’agrément du service (note du 9 mai 2012, partie II.4). Pensez aussi à préparer le CPOM de la génération suivante.</p>
`,
    'Consulter le CPOM',
  ),
});
