import { defineTemplate, htmlMessage, textMessage } from '../notification-template';
import { BODY_HTML, BODY_TEXT, type ConsultationData } from './consultation-data';

export interface ConsultationAnswerDueData extends ConsultationData {
  answerDueOn: string;
  daysLeft: number;
}

/** To the body consulted: its answer is due soon (platform setting: no legal deadline exists). */
export const consultationAnswerDueTemplate = defineTemplate<
  'consultation-answer-due',
  ConsultationAnswerDueData
>({
  key: 'consultation-answer-due',
  family: 'reminder',
  description: 'Rappel à l’instance consultée : avis attendu sur un projet de CPOM',
  subject: 'avis de {{bodyName}} sur le CPOM de {{service}} attendu avant le {{date answerDueOn}}',
  text: textMessage(
    `
L’avis de ${BODY_TEXT} sur la version {{contractVersion}} du projet de CPOM de {{service}} est attendu avant le {{date answerDueOn}} ({{inDays daysLeft}}).

Parties au contrat : {{service}}, {{caisse}} et {{direccte}}

Le délai de réponse est fixé par la plateforme lors de la demande d’avis.
`,
    'Consulter le projet et rendre l’avis',
  ),
  html: htmlMessage(
    `
    <p>L’avis de ${BODY_HTML} sur la version {{contractVersion}} du projet de CPOM de <strong>{{service}}</strong> est attendu <strong>avant le {{date answerDueOn}}</strong> ({{inDays daysLeft}}).</p>
    <p>Parties au contrat : {{service}}, {{caisse}} et {{direccte}}</p>
    <p>Le délai de réponse est fixé par la plateforme lors de la demande d’avis.</p>
`,
    'Consulter le projet et rendre l’avis',
  ),
});
