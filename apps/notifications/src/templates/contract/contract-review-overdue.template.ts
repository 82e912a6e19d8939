import { defineTemplate, htmlMessage, textMessage } from '../notification-template';
import { type ContractData, PARTIES_TEXT } from './contract-data';

export interface ContractReviewOverdueData extends ContractData {
  dueOn: string;
}

/** To the three parties: the yearly review did not take place by its due date. */
export const contractReviewOverdueTemplate = defineTemplate<
  'contract-review-overdue',
  ContractReviewOverdueData
>({
  key: 'contract-review-overdue',
  family: 'alert',
  description: 'Examen annuel du CPOM en retard',
  subject: 'examen annuel du CPOM de {{service}} en retard depuis le {{date dueOn}}',
  text: textMessage(
    `
L’examen annuel du CPOM de {{service}}, attendu avant le {{date dueOn}}, n’a pas été enregistré.

${PARTIES_TEXT}

Merci de convenir d’une date entre les trois parties et d’enregistrer l’examen une fois tenu.
`,
    'Consulter le CPOM',
  ),
  html: htmlMessage(
    `
    <p>L’examen annuel du CPOM de <strong>{{service}}</strong>, attendu avant le {{date dueOn}}, <strong>n’a pas été enregistré</strong>.</p>
    <p>${PARTIES_TEXT}</p>
    <p>Merci de convenir d’une date entre les trois parties et d’enregistrer l’examen une fois tenu.</p>
`,
    'Consulter le CPOM',
  ),
});
