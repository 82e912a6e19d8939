import { defineTemplate, htmlMessage, textMessage } from '../notification-template';
import { type AgreementData } from './agreement-data';

export interface AgreementDecisionDueData extends AgreementData {
  decisionDueOn: string;
  daysLeft: number;
}

/** To the DIRECCTE only: decide before the date, or the agrément becomes implicit (R.4622-52). */
export const agreementDecisionDueTemplate = defineTemplate<
  'agreement-decision-due',
  AgreementDecisionDueData
>({
  key: 'agreement-decision-due',
  family: 'reminder',
  description: 'Rappel à la DIRECCTE : décision à prendre avant l’agrément implicite',
  subject: 'décision sur l’agrément de {{service}} à notifier avant le {{date decisionDueOn}}',
  text: textMessage(
    `
La demande d’agrément de {{service}} attend la décision de {{direccte}}.

Sans décision notifiée avant le {{date decisionDueOn}} ({{inDays daysLeft}}), l’agrément sera réputé accordé (article R.4622-52 du Code du travail).

{{regionLabel}} : {{regionList}}
`,
    'Instruire la demande',
  ),
  html: htmlMessage(
    `
    <p>La demande d’agrément de <strong>{{service}}</strong> attend la décision de {{direccte}}.</p>
    <p>Sans décision notifiée <strong>avant le {{date decisionDueOn}}</strong> ({{inDays daysLeft}}), l’agrément sera réputé accordé (article R.4622-52 du Code du travail).</p>
    <p>{{regionLabel}} : {{regionList}}</p>
`,
    'Instruire la demande',
  ),
});
