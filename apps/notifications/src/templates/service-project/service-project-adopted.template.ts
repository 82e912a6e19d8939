import { defineTemplate, htmlMessage, textMessage } from '../notification-template';
import { PRIORITIES_HTML, PRIORITIES_TEXT, type ServiceProjectData } from './service-project-data';

export interface ServiceProjectAdoptedData extends ServiceProjectData {
  adoptedOn: string;
}

/** To the service: its commission médico-technique adopted the project; the board approves next. */
export const serviceProjectAdoptedTemplate = defineTemplate<
  'service-project-adopted',
  ServiceProjectAdoptedData
>({
  key: 'service-project-adopted',
  family: 'acknowledgment',
  description: 'Projet de service adopté par la commission médico-technique',
  subject: 'projet de service de {{service}} adopté par la commission médico-technique',
  text: textMessage(
    `
La commission médico-technique de {{service}} a adopté le {{date adoptedOn}} la version {{projectVersion}} du projet pluriannuel de service, pour la période du {{date periodStart}} au {{date periodEnd}} (article L.4622-14 du Code du travail).

${PRIORITIES_TEXT}

Il doit maintenant être approuvé par le conseil d’administration.
`,
    'Consulter le projet de service',
  ),
  html: htmlMessage(
    `
    <p>La commission médico-technique de <strong>{{service}}</strong> a adopté le {{date adoptedOn}} la version {{projectVersion}} du projet pluriannuel de service, pour la période du {{date periodStart}} au {{date periodEnd}} (article L.4622-14 du Code du travail).</p>
    ${PRIORITIES_HTML}
    <p>Il doit maintenant être approuvé par le conseil d’administration.</p>
`,
    'Consulter le projet de service',
  ),
});
