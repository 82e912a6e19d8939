import type { ContractData } from '../contract/contract-data';
import { defineTemplate, htmlMessage, textMessage } from '../notification-template';

export interface ConsultationCompletedData extends ContractData {
  contractVersion: number;
  completedOn: string;
  /** Each opinion: the body's name, its kind in words, the outcome in words, the day. */
  opinions: { bodyName: string; body: string; outcome: string; deliveredOn: string }[];
}

/** To the three parties: every opinion of the consultation plan is in (D.4622-44); the CPOM may be signed. */
export const consultationCompletedTemplate = defineTemplate<
  'consultation-completed',
  ConsultationCompletedData
>({
  key: 'consultation-completed',
  family: 'information',
  description: 'Tous les avis requis sur un projet de CPOM ont été rendus',
  subject: 'tous les avis sont rendus sur le CPOM de {{service}} (version {{contractVersion}})',
  text: textMessage(
    `
Tous les avis requis sur la version {{contractVersion}} du projet de CPOM de {{service}} ont été rendus le {{date completedOn}} (article L.4622-10 du Code du travail) :
{{#each opinions}}
- {{this.bodyName}} ({{this.body}}) : avis {{this.outcome}} du {{date this.deliveredOn}}
{{/each}}

Le contrat peut être signé par {{service}}, {{caisse}} et {{direccte}}.
`,
    'Consulter le CPOM',
  ),
  html: htmlMessage(
    `
    <p>Tous les avis requis sur la version {{contractVersion}} du projet de CPOM de <strong>{{service}}</strong> ont été rendus le {{date completedOn}} (article L.4622-10 du Code du travail) :</p>
    <ul>
      {{#each opinions}}
      <li>{{this.bodyName}} ({{this.body}}) : avis <strong>{{this.outcome}}</strong> du {{date this.deliveredOn}}</li>
      {{/each}}
    </ul>
    <p>Le contrat peut être signé par {{service}}, {{caisse}} et {{direccte}}.</p>
`,
    'Consulter le CPOM',
  ),
});
