import { defineTemplate, htmlMessage, textMessage } from '../notification-template';
import { BODY_HTML, BODY_TEXT, type ConsultationData } from './consultation-data';

export interface ConsultationClosedData extends ConsultationData {
  closedOn: string;
  /** Why, in French: "une nouvelle version du projet a été soumise" or "la soumission a été retirée". */
  reason: string;
}

/** To the body consulted and the three parties: no opinion is expected any more on this version. */
export const consultationClosedTemplate = defineTemplate<'consultation-closed', ConsultationClosedData>({
  key: 'consultation-closed',
  family: 'information',
  description: 'Demande d’avis close sans avis (nouvelle version ou soumission retirée)',
  subject: 'plus d’avis attendu de {{bodyName}} sur la version {{contractVersion}} du CPOM de {{service}}',
  text: textMessage(
    `
La demande d’avis adressée à ${BODY_TEXT} sur la version {{contractVersion}} du projet de CPOM de {{service}} est close depuis le {{date closedOn}} : {{reason}}.

Aucun avis n’est plus attendu sur cette version.

Parties au contrat : {{service}}, {{caisse}} et {{direccte}}
`,
    'Consulter la demande d’avis',
  ),
  html: htmlMessage(
    `
    <p>La demande d’avis adressée à ${BODY_HTML} sur la version {{contractVersion}} du projet de CPOM de <strong>{{service}}</strong> est close depuis le {{date closedOn}} : {{reason}}.</p>
    <p>Aucun avis n’est plus attendu sur cette version.</p>
    <p>Parties au contrat : {{service}}, {{caisse}} et {{direccte}}</p>
`,
    'Consulter la demande d’avis',
  ),
});
