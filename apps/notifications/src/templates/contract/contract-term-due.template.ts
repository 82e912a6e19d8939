import { defineTemplate, htmlMessage, textMessage } from '../notification-template';
import { type ContractData, PARTIES_TEXT } from './contract-data';

export interface ContractTermDueData extends ContractData {
  periodEnd: string;
  months: number;
  /** The term is past and no final evaluation is recorded yet. */
  ended: boolean;
}

/**
 * To the three parties: the CPOM ends soon (prepare the final evaluation and the next generation), or it
 * ended and its final evaluation, which the agrément renewal needs, is still missing (seed 002 II.4).
 */
export const contractTermDueTemplate = defineTemplate<'contract-term-due', ContractTermDueData>({
  key: 'contract-term-due',
  family: 'reminder',
  description: 'Échéance du CPOM : évaluation finale et génération suivante',
  subject: 'échéance du CPOM de {{service}} le {{date periodEnd}}',
  text: textMessage(
    `
{{#if ended}}Le CPOM de {{service}} a pris fin le {{date periodEnd}}, il y a {{months}} mois, et son évaluation finale n’est pas encore enregistrée.{{else}}Le CPOM de {{service}} prend fin le {{date periodEnd}}, dans {{months}} mois.{{/if}}

${PARTIES_TEXT}

À son terme, le CPOM fait l’objet d’une évaluation et d’un bilan, pris en compte par la DIRECCTE lors du renouvellement de l’agrément du service (note du 9 mai 2012, partie II.4). Pensez aussi à préparer le CPOM de la génération suivante.
`,
    'Consulter le CPOM',
  ),
  html: htmlMessage(
    `
    <p>{{#if ended}}Le CPOM de <strong>{{service}}</strong> a pris fin le {{date periodEnd}}, il y a {{months}} mois, et <strong>son évaluation finale n’est pas encore enregistrée</strong>.{{else}}Le CPOM de <strong>{{service}}</strong> prend fin le <strong>{{date periodEnd}}</strong>, dans {{months}} mois.{{/if}}</p>
    <p>${PARTIES_TEXT}</p>
    <p>À son terme, le CPOM fait l’objet d’une évaluation et d’un bilan, pris en compte par la DIRECCTE lors du renouvellement de l’agrément du service (note du 9 mai 2012, partie II.4). Pensez aussi à préparer le CPOM de la génération suivante.</p>
`,
    'Consulter le CPOM',
  ),
});
