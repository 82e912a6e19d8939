import { defineTemplate, htmlMessage, textMessage } from '../notification-template';
import { type AgreementData, type GroundsData } from './agreement-data';

export interface ComplianceNoticeLapsedData extends AgreementData, GroundsData {
  deadlineOn: string;
}

/** To the DIRECCTE and the service: the deadline passed without compliance; withdrawal is now open. */
export const complianceNoticeLapsedTemplate = defineTemplate<
  'compliance-notice-lapsed',
  ComplianceNoticeLapsedData
>({
  key: 'compliance-notice-lapsed',
  family: 'alert',
  description: 'Délai de mise en demeure expiré sans mise en conformité',
  subject: 'délai de mise en demeure de {{service}} expiré le {{date deadlineOn}}',
  text: textMessage(
    `
Le délai de la mise en demeure adressée à {{service}} a expiré le {{date deadlineOn}} sans que sa mise en conformité ait été constatée.

Motif : {{grounds}}

{{direccte}} peut désormais retirer l’agrément ou en réduire la durée (article D.4622-51 du Code du travail).
`,
    'Consulter l’agrément',
  ),
  html: htmlMessage(
    `
    <p>Le délai de la mise en demeure adressée à <strong>{{service}}</strong> a expiré le {{date deadlineOn}} sans que sa mise en conformité ait été constatée.</p>
    <p>Motif : {{grounds}}</p>
    <p>{{direccte}} peut désormais retirer l’agrément ou en réduire la durée (article D.4622-51 du Code du travail).</p>
`,
    'Consulter l’agrément',
  ),
});
