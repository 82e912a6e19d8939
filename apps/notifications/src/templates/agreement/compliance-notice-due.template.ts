import { defineTemplate, htmlMessage, textMessage } from '../notification-template';
import { type AgreementData, type GroundsData } from './agreement-data';

export interface ComplianceNoticeDueData extends AgreementData, GroundsData {
  deadlineOn: string;
  daysLeft: number;
}

/** To the service and its DIRECCTE: the deadline of a compliance notice comes soon. */
export const complianceNoticeDueTemplate = defineTemplate<'compliance-notice-due', ComplianceNoticeDueData>({
  key: 'compliance-notice-due',
  family: 'reminder',
  description: 'Rappel : échéance prochaine d’une mise en demeure',
  subject: 'mise en conformité de {{service}} attendue avant le {{date deadlineOn}}',
  text: textMessage(
    `
Le délai de la mise en demeure adressée à {{service}} par {{direccte}} prend fin le {{date deadlineOn}} ({{inDays daysLeft}}).

Motif : {{grounds}}

La mise en conformité doit être constatée avant cette date ; à défaut, l’agrément pourra être retiré ou sa durée réduite (article D.4622-51 du Code du travail).
`,
    'Consulter la mise en demeure',
  ),
  html: htmlMessage(
    `
    <p>Le délai de la mise en demeure adressée à <strong>{{service}}</strong> par {{direccte}} prend fin le <strong>{{date deadlineOn}}</strong> ({{inDays daysLeft}}).</p>
    <p>Motif : {{grounds}}</p>
    <p>La mise en conformité doit être constatée avant cette date ; à défaut, l’agrément pourra être retiré ou sa durée réduite (article D.4622-51 du Code du travail).</p>
`,
    'Consulter la mise en demeure',
  ),
});
