import { defineTemplate, htmlMessage, textMessage } from '../notification-template';
import { type AgreementData, type GroundsData } from './agreement-data';

export interface ComplianceNoticeMetData extends AgreementData, GroundsData {
  metOn: string;
  deadlineOn: string;
}

/** To the service and its DIRECCTE: compliance was recorded in time; no withdrawal may follow. */
export const complianceNoticeMetTemplate = defineTemplate<'compliance-notice-met', ComplianceNoticeMetData>({
  key: 'compliance-notice-met',
  family: 'information',
  description: 'Mise en conformité constatée dans le délai de la mise en demeure',
  subject: 'mise en conformité de {{service}} constatée',
  text: textMessage(
    `
{{direccte}} a constaté le {{date metOn}} la mise en conformité de {{service}}, dans le délai de la mise en demeure (échéance du {{date deadlineOn}}).

Motif de la mise en demeure : {{grounds}}

Cette mise en demeure ne peut plus fonder un retrait ni une réduction de la durée de l’agrément.
`,
    'Consulter l’agrément',
  ),
  html: htmlMessage(
    `
    <p>{{direccte}} a constaté le {{date metOn}} la mise en conformité de <strong>{{service}}</strong>, dans le délai de la mise en demeure (échéance du {{date deadlineOn}}).</p>
    <p>Motif de la mise en demeure : {{grounds}}</p>
    <p>Cette mise en demeure ne peut plus fonder un retrait ni une réduction de la durée de l’agrément.</p>
`,
    'Consulter l’agrément',
  ),
});
