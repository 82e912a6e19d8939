import { defineTemplate, htmlMessage, textMessage } from '../notification-template';
import { BODY_HTML, BODY_TEXT, type ConsultationData } from './consultation-data';

export interface ConsultationOpinionDeliveredData extends ConsultationData {
  /** "favorable", "défavorable" or "réservé". */
  outcome: string;
  deliveredOn: string;
  text: string;
  /** "12 voix pour, 2 contre, 1 abstention" for a college body; empty for the ARS. */
  votes: string;
}

/** To the three parties and the body consulted: the opinion is in. */
export const consultationOpinionDeliveredTemplate = defineTemplate<
  'consultation-opinion-delivered',
  ConsultationOpinionDeliveredData
>({
  key: 'consultation-opinion-delivered',
  family: 'acknowledgment',
  description: 'Avis du CRPRP ou de l’ARS rendu sur un projet de CPOM',
  subject: 'avis {{outcome}} rendu par {{bodyName}} sur le CPOM de {{service}} (version {{contractVersion}})',
  text: textMessage(
    `
${BODY_TEXT} a rendu le {{date deliveredOn}} un avis {{outcome}} sur la version {{contractVersion}} du projet de CPOM de {{service}}.
{{#if votes}}

Votes : {{votes}}
{{/if}}
{{#if text}}

Avis : {{text}}
{{/if}}

Parties au contrat : {{service}}, {{caisse}} et {{direccte}}
`,
    'Consulter l’avis',
  ),
  html: htmlMessage(
    `
    <p>${BODY_HTML} a rendu le {{date deliveredOn}} un avis <strong>{{outcome}}</strong> sur la version {{contractVersion}} du projet de CPOM de <strong>{{service}}</strong>.</p>
    {{#if votes}}
    <p>Votes : {{votes}}</p>
    {{/if}}
    {{#if text}}
    <p>Avis : {{text}}</p>
    {{/if}}
    <p>Parties au contrat : {{service}}, {{caisse}} et {{direccte}}</p>
`,
    'Consulter l’avis',
  ),
});
