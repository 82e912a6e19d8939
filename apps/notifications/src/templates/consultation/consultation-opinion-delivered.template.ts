import { defineTemplate, htmlMessage, textMessage } from '../notification-template';
import { type ConsultationData } from './consultation-data';

export interface ConsultationOpinionDeliveredData extends ConsultationData {
  /** "favorable", "défavorable" or "réservé". */
  outcome: string;
  deliveredOn: string;
  text: string;
}

/** To the three parties and the body consulted: the opinion is in. */
export const consultationOpinionDeliveredTemplate = defineTemplate<
  'consultation-opinion-delivered',
  ConsultationOpinionDeliveredData
>({
  key: 'consultation-opinion-delivered',
  family: 'acknowledgment',
  description: 'Avis du CRPRP ou de l’ARS rendu sur un projet de CPOM',
  subject: 'avis {{outcome}} rendu par {{consulted}} sur le CPOM de {{service}}',
  text: textMessage(
    `
{{consulted}} ({{body}}) a rendu le {{date deliveredOn}} un avis {{outcome}} sur le projet de CPOM de {{service}}.
{{#if text}}

Avis : {{text}}
{{/if}}

Parties au contrat : {{service}}, {{caisse}} et {{direccte}}
`,
    'Consulter l’avis',
  ),
  html: htmlMessage(
    `
    <p><strong>{{consulted}}</strong> ({{body}}) a rendu le {{date deliveredOn}} un avis <strong>{{outcome}}</strong> sur le projet de CPOM de <strong>{{service}}</strong>.</p>
    {{#if text}}
    <p>Avis : {{text}}</p>
    {{/if}}
    <p>Parties au contrat : {{service}}, {{caisse}} et {{direccte}}</p>
`,
    'Consulter l’avis',
  ),
});
