import { defineTemplate, htmlMessage, textMessage } from '../notification-template';
import { type AgreementData } from './agreement-data';

export interface AgreementRefusedData extends AgreementData {
  decidedOn: string;
  reasons: string;
}

/** To the service, its DIRECCTE and Caisse: the application is refused, with its reasons. */
export const agreementRefusedTemplate = defineTemplate<'agreement-refused', AgreementRefusedData>({
  key: 'agreement-refused',
  family: 'decision',
  description: 'Demande d’agrément refusée, avec ses motifs',
  subject: 'la demande d’agrément de {{service}} est refusée',
  text: textMessage(
    `
{{direccte}} a refusé le {{date decidedOn}} la demande d’agrément de {{service}}.

Motifs de la décision :
{{reasons}}
`,
    'Consulter la décision',
  ),
  html: htmlMessage(
    `
    <p>{{direccte}} a refusé le {{date decidedOn}} la demande d’agrément de <strong>{{service}}</strong>.</p>
    <p>Motifs de la décision :<br>{{reasons}}</p>
`,
    'Consulter la décision',
  ),
});
