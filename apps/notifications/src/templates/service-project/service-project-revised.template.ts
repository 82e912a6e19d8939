import { defineTemplate, htmlMessage, textMessage } from '../notification-template';
import { type ServiceProjectData, serviceProjectSample } from './service-project-data';

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
  description: 'Nouvelle version du projet de service en préparation',
  subject: 'Tripartite : révision du projet de service de {{service}} (version {{projectVersion}})',
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
  sample: {
    ...serviceProjectSample,
    projectVersion: 3,
    revisedOn: '2028-01-15',
    reason: 'Intégrer les priorités du nouveau plan régional santé travail.',
  },
});
