import { defineTemplate, htmlMessage, textMessage } from '../notification-template';
import { type ServiceProjectData } from './service-project-data';

export interface ServiceProjectWithdrawnData extends ServiceProjectData {
  withdrawnOn: string;
  reason: string;
  projectWithdrawn: boolean;
}

/** To the service and its DIRECCTE: a text not yet approved by the board was withdrawn. */
export const serviceProjectWithdrawnTemplate = defineTemplate<
  'service-project-withdrawn',
  ServiceProjectWithdrawnData
>({
  key: 'service-project-withdrawn',
  family: 'acknowledgment',
  description: 'Retrait d’un projet de service (ou d’une révision) non encore approuvé',
  subject: 'retrait de la version {{projectVersion}} du projet de service de {{service}}',
  text: textMessage(
    `
{{service}} a retiré le {{date withdrawnOn}} la version {{projectVersion}} de son projet pluriannuel de service (période du {{date periodStart}} au {{date periodEnd}}), que son conseil d’administration n’avait pas approuvée.

Motif : {{reason}}

{{#if projectWithdrawn}}Aucune version de ce projet n’ayant été approuvée, le projet est retiré : le service pourra en élaborer un nouveau.{{else}}La version approuvée précédemment reste en vigueur (article L.4622-14 du Code du travail).{{/if}}
`,
    'Consulter le projet de service',
  ),
  html: htmlMessage(
    `
    <p><strong>{{service}}</strong> a retiré le {{date withdrawnOn}} la version {{projectVersion}} de son projet pluriannuel de service (période du {{date periodStart}} au {{date periodEnd}}), que son conseil d’administration n’avait pas approuvée.</p>
    <p>Motif : {{reason}}</p>
    <p>{{#if projectWithdrawn}}Aucune version de ce projet n’ayant été approuvée, le projet est retiré : le service pourra en élaborer un nouveau.{{else}}La version approuvée précédemment reste en vigueur (article L.4622-14 du Code du travail).{{/if}}</p>
`,
    'Consulter le projet de service',
  ),
});
