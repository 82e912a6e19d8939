import { defineTemplate, htmlMessage, textMessage } from '../notification-template';
import { type AgreementData } from './agreement-data';

export interface AgreementInspectorOpinionRecordedData extends AgreementData {
  /** "favorable", "défavorable" or "réservé". */
  verdict: string;
  givenOn: string;
  text: string;
}

/** To the DIRECCTE: the médecin inspecteur du travail gave the opinion its decision needs (D.4622-48). */
export const agreementInspectorOpinionRecordedTemplate = defineTemplate<
  'agreement-inspector-opinion-recorded',
  AgreementInspectorOpinionRecordedData
>({
  key: 'agreement-inspector-opinion-recorded',
  family: 'acknowledgment',
  description: 'Avis du médecin inspecteur du travail enregistré sur une demande d’agrément',
  subject: 'avis {{verdict}} du médecin inspecteur du travail sur la demande de {{service}}',
  text: textMessage(
    `
Le médecin inspecteur du travail a rendu le {{date givenOn}} un avis {{verdict}} sur la demande d’agrément de {{service}} (article D.4622-48 du Code du travail).
{{#if text}}

Avis : {{text}}
{{/if}}

La décision revient à {{direccte}}.
`,
    'Consulter la demande et l’avis',
  ),
  html: htmlMessage(
    `
    <p>Le médecin inspecteur du travail a rendu le {{date givenOn}} un avis <strong>{{verdict}}</strong> sur la demande d’agrément de <strong>{{service}}</strong> (article D.4622-48 du Code du travail).</p>
    {{#if text}}
    <p>Avis : {{text}}</p>
    {{/if}}
    <p>La décision revient à {{direccte}}.</p>
`,
    'Consulter la demande et l’avis',
  ),
});
