import { defineTemplate, htmlMessage, textMessage } from '../notification-template';
import { type ContractData, PARTIES_TEXT } from './contract-data';

export interface ContractEvaluatedData extends ContractData {
  evaluatedOn: string;
  summary: string;
}

/** To the three parties: the final evaluation, which the DIRECCTE weighs at agrément renewal (seed 002 II.4). */
export const contractEvaluatedTemplate = defineTemplate<'contract-evaluated', ContractEvaluatedData>({
  key: 'contract-evaluated',
  family: 'acknowledgment',
  description: 'Évaluation finale du CPOM',
  subject: 'évaluation finale du CPOM de {{service}}',
  text: textMessage(
    `
L’évaluation finale du CPOM de {{service}} a été enregistrée le {{date evaluatedOn}}.
{{#if summary}}

Synthèse : {{summary}}
{{/if}}

${PARTIES_TEXT}

{{direccte}} en tiendra compte lors du renouvellement de l’agrément du service.
`,
    'Consulter le CPOM et son évaluation',
  ),
  html: htmlMessage(
    `
    <p>L’évaluation finale du CPOM de <strong>{{service}}</strong> a été enregistrée le {{date evaluatedOn}}.</p>
    {{#if summary}}
    <p>Synthèse : {{summary}}</p>
    {{/if}}
    <p>${PARTIES_TEXT}</p>
    <p>{{direccte}} en tiendra compte lors du renouvellement de l’agrément du service.</p>
`,
    'Consulter le CPOM et son évaluation',
  ),
});
