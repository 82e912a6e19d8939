import { defineTemplate, htmlMessage, textMessage } from '../notification-template';
import { type ContractData, PARTIES_TEXT } from './contract-data';

export interface ContractReviewDueData extends ContractData {
  dueOn: string;
  daysLeft: number;
}

/** To the three parties: the yearly review is due (seed 002 II.4); with a calendar entry. */
export const contractReviewDueTemplate = defineTemplate<'contract-review-due', ContractReviewDueData>({
  key: 'contract-review-due',
  family: 'reminder',
  description: 'Rappel : examen annuel du CPOM à tenir (avec fichier .ics)',
  subject: 'examen annuel du CPOM de {{service}} à tenir avant le {{date dueOn}}',
  text: textMessage(
    `
L’examen annuel du contrat pluriannuel d’objectifs et de moyens (CPOM) de {{service}} par les trois parties doit avoir lieu avant le {{date dueOn}} ({{inDays daysLeft}}).

${PARTIES_TEXT}

Cet examen fait le point sur les indicateurs des programmes d’action et peut faire évoluer les actions ou adopter de nouvelles priorités par voie d’avenant.

L’échéance est jointe à ce message (fichier .ics) pour votre agenda.
`,
    'Consulter le CPOM',
  ),
  html: htmlMessage(
    `
    <p>L’examen annuel du contrat pluriannuel d’objectifs et de moyens (CPOM) de <strong>{{service}}</strong> par les trois parties doit avoir lieu <strong>avant le {{date dueOn}}</strong> ({{inDays daysLeft}}).</p>
    <p>${PARTIES_TEXT}</p>
    <p>Cet examen fait le point sur les indicateurs des programmes d’action et peut faire évoluer les actions ou adopter de nouvelles priorités par voie d’avenant.</p>
    <p>L’échéance est jointe à ce message (fichier .ics) pour votre agenda.</p>
`,
    'Consulter le CPOM',
  ),
  calendar: {
    filename: 'examen-annuel-cpom.ics',
    uid: 'cpom-review-{{contractId}}-{{dueOn}}',
    date: '{{dueOn}}',
    summary: 'Examen annuel du CPOM – {{service}}',
    description:
      'Examen annuel du CPOM de {{service}} avec {{caisse}} et {{direccte}}, à tenir avant le {{date dueOn}}. {{link}}',
  },
});
