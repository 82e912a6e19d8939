import { defineTemplate, htmlMessage, textMessage } from '../notification-template';
import { BODY_HTML, BODY_TEXT, type ConsultationData } from './consultation-data';

export interface ConsultationSessionScheduledData extends ConsultationData {
  sessionOn: string;
  /** The members who do not take part (D.4622-44), each with the link that recuses them. */
  recused: { name: string; link: string }[];
}

/** To the body's secretariat and the three parties: the session's date, and who does not sit (D.4622-44). */
export const consultationSessionScheduledTemplate = defineTemplate<
  'consultation-session-scheduled',
  ConsultationSessionScheduledData
>({
  key: 'consultation-session-scheduled',
  family: 'information',
  description: 'Séance d’examen d’un projet de CPOM fixée, avec les membres déportés',
  subject: '{{bodyName}} examinera le CPOM de {{service}} le {{date sessionOn}}',
  text: textMessage(
    `
${BODY_TEXT} examinera en séance le {{date sessionOn}} la version {{contractVersion}} du projet de CPOM de {{service}}.
{{#if recused}}

Membres qui ne prennent pas part à la consultation (article D.4622-44 du Code du travail) :
{{#each recused}}
- {{this.name}} : {{this.link}}
{{/each}}
{{else}}

Aucun membre n’est concerné par la règle de déport (article D.4622-44 du Code du travail).
{{/if}}

Parties au contrat : {{service}}, {{caisse}} et {{direccte}}
`,
    'Consulter la demande d’avis',
  ),
  html: htmlMessage(
    `
    <p>${BODY_HTML} examinera en séance le <strong>{{date sessionOn}}</strong> la version {{contractVersion}} du projet de CPOM de <strong>{{service}}</strong>.</p>
    {{#if recused}}
    <p>Membres qui ne prennent pas part à la consultation (article D.4622-44 du Code du travail) :</p>
    <ul>
      {{#each recused}}
      <li>{{this.name}} : {{this.link}}</li>
      {{/each}}
    </ul>
    {{else}}
    <p>Aucun membre n’est concerné par la règle de déport (article D.4622-44 du Code du travail).</p>
    {{/if}}
    <p>Parties au contrat : {{service}}, {{caisse}} et {{direccte}}</p>
`,
    'Consulter la demande d’avis',
  ),
});
