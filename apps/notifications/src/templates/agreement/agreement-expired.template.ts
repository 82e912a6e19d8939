import { defineTemplate, htmlMessage, textMessage } from '../notification-template';
import { type AgreementData } from './agreement-data';

export interface AgreementExpiredData extends AgreementData {
  validUntil: string;
  /** A granted renewal takes over the next day. */
  renewed: boolean;
}

/** To the service, its DIRECCTE and Caisse: the agrément reached its end date. */
export const agreementExpiredTemplate = defineTemplate<'agreement-expired', AgreementExpiredData>({
  key: 'agreement-expired',
  family: 'information',
  description: 'Agrément arrivé à échéance',
  subject: 'l’agrément de {{service}} a pris fin le {{date validUntil}}',
  text: textMessage(
    `
L’agrément de {{service}} a pris fin le {{date validUntil}}.

{{#if renewed}}
L’agrément renouvelé prend le relais dès le lendemain.
{{else}}
Aucun renouvellement n’a été accordé : le service n’est plus agréé. Autorité compétente : {{direccte}}.
{{/if}}
`,
    'Consulter l’agrément',
  ),
  html: htmlMessage(
    `
    <p>L’agrément de <strong>{{service}}</strong> a pris fin le {{date validUntil}}.</p>
    {{#if renewed}}
    <p>L’agrément renouvelé prend le relais dès le lendemain.</p>
    {{else}}
    <p><strong>Aucun renouvellement n’a été accordé : le service n’est plus agréé.</strong> Autorité compétente : {{direccte}}.</p>
    {{/if}}
`,
    'Consulter l’agrément',
  ),
});
