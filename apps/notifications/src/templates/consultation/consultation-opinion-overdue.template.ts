import { defineTemplate, htmlMessage, textMessage } from '../notification-template';
import { BODY_HTML, BODY_TEXT, type ConsultationData } from './consultation-data';

export interface ConsultationOpinionOverdueData extends ConsultationData {
  answerDueOn: string;
}

/** To the body consulted and the three parties: no opinion by the deadline set when it was asked. */
export const consultationOpinionOverdueTemplate = defineTemplate<
  'consultation-opinion-overdue',
  ConsultationOpinionOverdueData
>({
  key: 'consultation-opinion-overdue',
  family: 'alert',
  description: 'Avis du CRPRP ou de l’ARS non rendu dans le délai',
  subject:
    'avis sur le CPOM de {{service}} (version {{contractVersion}}) attendu de {{bodyName}} depuis le {{date answerDueOn}}',
  text: textMessage(
    `
L’avis demandé à ${BODY_TEXT} sur la version {{contractVersion}} du projet de CPOM de {{service}} était attendu avant le {{date answerDueOn}} et n’a pas été rendu.

Parties au contrat : {{service}}, {{caisse}} et {{direccte}}

Le délai de réponse est fixé par la plateforme lors de la demande d’avis ; les parties peuvent relancer l’instance consultée.
`,
    'Consulter la demande d’avis',
  ),
  html: htmlMessage(
    `
    <p>L’avis demandé à ${BODY_HTML} sur la version {{contractVersion}} du projet de CPOM de <strong>{{service}}</strong> était attendu avant le {{date answerDueOn}} et <strong>n’a pas été rendu</strong>.</p>
    <p>Parties au contrat : {{service}}, {{caisse}} et {{direccte}}</p>
    <p>Le délai de réponse est fixé par la plateforme lors de la demande d’avis ; les parties peuvent relancer l’instance consultée.</p>
`,
    'Consulter la demande d’avis',
  ),
});
