import { defineTemplate, htmlMessage, textMessage } from '../notification-template';
import { type ContractData, PARTIES_TEXT } from './contract-data';

export interface ContractReviewCompletedData extends ContractData {
  reviewedOn: string;
  summary: string;
}

/** To the three parties: the yearly review took place (seed 002 II.4). */
export const contractReviewCompletedTemplate = defineTemplate<
  'contract-review-completed',
  ContractReviewCompletedData
>({
  key: 'contract-review-completed',
  family: 'acknowledgment',
  description: 'Examen annuel du CPOM tenu',
  subject: 'examen annuel du CPOM de {{service}} tenu le {{date reviewedOn}}',
  text: textMessage(
    `
L’examen annuel du CPOM de {{service}} par les trois parties a eu lieu le {{date reviewedOn}}.
{{#if summary}}

Synthèse : {{summary}}
{{/if}}

${PARTIES_TEXT}
`,
    'Consulter le CPOM',
  ),
  html: htmlMessage(
    `
    <p>L’examen annuel du CPOM de <strong>{{service}}</strong> par les trois parties a eu lieu le {{date reviewedOn}}.</p>
    {{#if summary}}
    <p>Synthèse : {{summary}}</p>
    {{/if}}
    <p>${PARTIES_TEXT}</p>
`,
    'Consulter le CPOM',
  ),
});
