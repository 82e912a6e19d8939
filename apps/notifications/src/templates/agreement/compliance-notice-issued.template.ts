import { defineTemplate, htmlMessage, textMessage } from '../notification-template';
import { type AgreementData, type GroundsData } from './agreement-data';

export interface ComplianceNoticeIssuedData extends AgreementData, GroundsData {
  noticeOn: string;
  deadlineOn: string;
  text: string;
}

/** To the service and its DIRECCTE: put on notice to comply within a deadline (D.4622-51 2°). */
export const complianceNoticeIssuedTemplate = defineTemplate<
  'compliance-notice-issued',
  ComplianceNoticeIssuedData
>({
  key: 'compliance-notice-issued',
  family: 'decision',
  description: 'Mise en demeure de se mettre en conformité',
  subject: '{{service}} mis en demeure de se mettre en conformité avant le {{date deadlineOn}}',
  text: textMessage(
    `
{{direccte}} a mis {{service}} en demeure le {{date noticeOn}} de se mettre en conformité avant le {{date deadlineOn}} (article D.4622-51 du Code du travail).

Motif : {{grounds}}
{{#if text}}

{{text}}
{{/if}}

Faute de mise en conformité dans ce délai, l’agrément pourra être retiré ou sa durée réduite.
`,
    'Consulter la mise en demeure',
  ),
  html: htmlMessage(
    `
    <p>{{direccte}} a mis <strong>{{service}}</strong> en demeure le {{date noticeOn}} de se mettre en conformité <strong>avant le {{date deadlineOn}}</strong> (article D.4622-51 du Code du travail).</p>
    <p>Motif : {{grounds}}</p>
    {{#if text}}
    <p>{{text}}</p>
    {{/if}}
    <p>Faute de mise en conformité dans ce délai, l’agrément pourra être retiré ou sa durée réduite.</p>
`,
    'Consulter la mise en demeure',
  ),
});
