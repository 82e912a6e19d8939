import { defineTemplate, htmlMessage, textMessage } from '../notification-template';
import { BODY_HTML, BODY_TEXT, type ConsultationData } from './consultation-data';

export interface ConsultationOpinionRequestedData extends ConsultationData {
  requestedOn: string;
  answerDueOn: string;
}

/** To the body consulted (it must answer) and the three parties (they wait for it): L.4622-10. */
export const consultationOpinionRequestedTemplate = defineTemplate<
  'consultation-opinion-requested',
  ConsultationOpinionRequestedData
>({
  key: 'consultation-opinion-requested',
  family: 'request',
  description: 'Avis demandé au CRPRP ou à l’ARS sur un projet de CPOM',
  subject:
    'avis sur le CPOM de {{service}} (version {{contractVersion}}) demandé à {{bodyName}} avant le {{date answerDueOn}}',
  text: textMessage(
    `
Un avis a été demandé le {{date requestedOn}} à ${BODY_TEXT}, par l’intermédiaire de {{consulted}}, sur la version {{contractVersion}} du projet de CPOM de {{service}}, conclu entre {{service}}, {{caisse}} et {{direccte}} (article L.4622-10 du Code du travail).

L’avis est attendu avant le {{date answerDueOn}}.
`,
    'Consulter le projet et rendre l’avis',
  ),
  html: htmlMessage(
    `
    <p>Un avis a été demandé le {{date requestedOn}} à ${BODY_HTML}, par l’intermédiaire de {{consulted}}, sur la version {{contractVersion}} du projet de CPOM de <strong>{{service}}</strong>, conclu entre {{service}}, {{caisse}} et {{direccte}} (article L.4622-10 du Code du travail).</p>
    <p>L’avis est attendu <strong>avant le {{date answerDueOn}}</strong>.</p>
`,
    'Consulter le projet et rendre l’avis',
  ),
});
