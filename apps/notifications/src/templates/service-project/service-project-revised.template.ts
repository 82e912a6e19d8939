import { defineTemplate, htmlMessage, textMessage } from '../notification-template';
import { type ServiceProjectData } from './service-project-data';

export interface ServiceProjectRevisedData extends ServiceProjectData {
  revisedOn: string;
  reason: string;
}

/** To the service and its DIRECCTE: a new version is being drafted and goes through the CMT and board again. */
export const serviceProjectRevisedTemplate = defineTemplate<
  'service-project-revised',
  ServiceProjectRevisedData
>({
  key: 'service-project-revised',
  family: 'acknowledgment',
  description: 'Nouvelle version du projet de service en préparation',
  subject: 'révision du projet de service de {{service}} (version {{projectVersion}})',
  text: textMessage(
    `
Une nouvelle version (version {{projectVersion}}) du projet pluriannuel de service de {{service}} a été ouverte le {{date revisedOn}}, pour la période du {{date periodStart}} au {{date periodEnd}}.

Motif : {{reason}}

Elle doit être adoptée par la commission médico-technique puis approuvée par le conseil d’administration (article L.4622-14 du Code du travail).
`,
    'Consulter le projet de service',
  ),
  html: htmlMessage(
    `
    <p>Une nouvelle version (version {{projectVersion}}) du projet pluriannuel de service de <strong>{{service}}</strong> a été ouverte le {{date revisedOn}}, pour la période du {{date periodStart}} au {{date periodEnd}}.</p>
    <p>Motif : {{reason}}</p>
    <p>Elle doit être adoptée par la commission médico-technique puis approuvée par le conseil d’administration (article L.4622-14 du Code du travail).</p>
`,
    'Consulter le projet de service',
  ),
});
