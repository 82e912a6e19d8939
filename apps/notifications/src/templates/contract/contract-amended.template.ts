import { defineTemplate, htmlMessage, textMessage } from '../notification-template';
import { type ContractData, PARTIES_TEXT } from './contract-data';

export interface ContractAmendedData extends ContractData {
  amendmentNumber: number;
  signedOn: string;
  summary: string;
}

/** To the three parties: an amendment (avenant) to the CPOM was signed (D.4622-47). */
export const contractAmendedTemplate = defineTemplate<'contract-amended', ContractAmendedData>({
  key: 'contract-amended',
  family: 'acknowledgment',
  description: 'Avenant au CPOM signé',
  subject: 'avenant n° {{amendmentNumber}} au CPOM de {{service}} signé',
  text: textMessage(
    `
L’avenant n° {{amendmentNumber}} au CPOM de {{service}} a été signé le {{date signedOn}} par les trois parties (article D.4622-47 du Code du travail).
{{#if summary}}

Objet : {{summary}}
{{/if}}

${PARTIES_TEXT}
`,
    'Consulter le CPOM et ses avenants',
  ),
  html: htmlMessage(
    `
    <p>L’avenant n° {{amendmentNumber}} au CPOM de <strong>{{service}}</strong> a été signé le {{date signedOn}} par les trois parties (article D.4622-47 du Code du travail).</p>
    {{#if summary}}
    <p>Objet : {{summary}}</p>
    {{/if}}
    <p>${PARTIES_TEXT}</p>
`,
    'Consulter le CPOM et ses avenants',
  ),
});
