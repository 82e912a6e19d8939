import { defineTemplate, htmlMessage, textMessage } from '../notification-template';
import { type AgreementData, type GroundsData } from './agreement-data';

export interface AgreementShortenedData extends AgreementData, GroundsData {
  decidedOn: string;
  previousValidUntil: string;
  validUntil: string;
  text: string;
}

/** To the service (which must inform its member companies), its DIRECCTE and Caisse (D.4622-51 2°). */
export const agreementShortenedTemplate = defineTemplate<'agreement-shortened', AgreementShortenedData>({
  key: 'agreement-shortened',
  family: 'decision',
  description: 'Durée de l’agrément réduite après mise en demeure',
  subject: 'agrément de {{service}} réduit au {{date validUntil}}',
  text: textMessage(
    `
{{direccte}} a décidé le {{date decidedOn}} de réduire la durée de l’agrément de {{service}} : il prend fin le {{date validUntil}} au lieu du {{date previousValidUntil}} (article D.4622-51 du Code du travail).

Motif : {{grounds}}
{{#if text}}

{{text}}
{{/if}}

Le président du service doit en informer chacune des entreprises adhérentes (article D.4622-51 du Code du travail).
`,
    'Consulter la décision',
  ),
  html: htmlMessage(
    `
    <p>{{direccte}} a décidé le {{date decidedOn}} de réduire la durée de l’agrément de <strong>{{service}}</strong> : il prend fin le <strong>{{date validUntil}}</strong> au lieu du {{date previousValidUntil}} (article D.4622-51 du Code du travail).</p>
    <p>Motif : {{grounds}}</p>
    {{#if text}}
    <p>{{text}}</p>
    {{/if}}
    <p><strong>Le président du service doit en informer chacune des entreprises adhérentes</strong> (article D.4622-51 du Code du travail).</p>
`,
    'Consulter la décision',
  ),
});
