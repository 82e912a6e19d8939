import { defineTemplate, htmlMessage, textMessage } from '../notification-template';
import { type ContractData, PARTIES_TEXT } from './contract-data';

export interface ContractEvaluationOverdueData extends ContractData {
  periodEnd: string;
  monthsSinceEnd: number;
}

/**
 * To the three parties: the CPOM ended months ago and its final evaluation, which the DIRECCTE weighs at the
 * agrément renewal, is still not recorded (seed 002 II.4).
 */
export const contractEvaluationOverdueTemplate = defineTemplate<
  'contract-evaluation-overdue',
  ContractEvaluationOverdueData
>({
  key: 'contract-evaluation-overdue',
  family: 'alert',
  description: 'Évaluation finale du CPOM non enregistrée après son terme',
  subject:
    'évaluation finale du CPOM de {{service}} non enregistrée ({{monthsSinceEnd}} mois après son terme)',
  text: textMessage(
    `
Le CPOM de {{service}} a pris fin le {{date periodEnd}}, il y a {{monthsSinceEnd}} mois, et son évaluation finale n’est pas encore enregistrée.

${PARTIES_TEXT}

À son terme, le CPOM fait l’objet d’une évaluation et d’un bilan, pris en compte par la DIRECCTE lors du renouvellement de l’agrément du service (note du 9 mai 2012, partie II.4). Merci de convenir de cette évaluation entre les trois parties et de l’enregistrer.
`,
    'Consulter le CPOM',
  ),
  html: htmlMessage(
    `
    <p>Le CPOM de <strong>{{service}}</strong> a pris fin le {{date periodEnd}}, il y a {{monthsSinceEnd}} mois, et <strong>son évaluation finale n’est pas encore enregistrée</strong>.</p>
    <p>${PARTIES_TEXT}</p>
    <p>À son terme, le CPOM fait l’objet d’une évaluation et d’un bilan, pris en compte par la DIRECCTE lors du renouvellement de l’agrément du service (note du 9 mai 2012, partie II.4). Merci de convenir de cette évaluation entre les trois parties et de l’enregistrer.</p>
`,
    'Consulter le CPOM',
  ),
});
