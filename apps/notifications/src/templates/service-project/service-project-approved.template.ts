import { defineTemplate, htmlMessage, textMessage } from '../notification-template';
import { PRIORITIES_HTML, PRIORITIES_TEXT, type ServiceProjectData } from './service-project-data';

export interface ServiceProjectApprovedData extends ServiceProjectData {
  approvedOn: string;
}

/** To the service, its DIRECCTE and Caisse: the approved project is the ground of the CPOM. */
export const serviceProjectApprovedTemplate = defineTemplate<
  'service-project-approved',
  ServiceProjectApprovedData
>({
  key: 'service-project-approved',
  family: 'acknowledgment',
  description: 'Projet de service approuvé par le conseil d’administration',
  subject: 'projet de service de {{service}} approuvé',
  text: textMessage(
    `
Le conseil d’administration de {{service}} a approuvé le {{date approvedOn}} la version {{projectVersion}} du projet pluriannuel de service, pour la période du {{date periodStart}} au {{date periodEnd}} (article L.4622-14 du Code du travail).

${PRIORITIES_TEXT}

Ce projet sert de base aux priorités du contrat pluriannuel d’objectifs et de moyens (CPOM).
`,
    'Consulter le projet de service',
  ),
  html: htmlMessage(
    `
    <p>Le conseil d’administration de <strong>{{service}}</strong> a approuvé le {{date approvedOn}} la version {{projectVersion}} du projet pluriannuel de service, pour la période du {{date periodStart}} au {{date periodEnd}} (article L.4622-14 du Code du travail).</p>
    ${PRIORITIES_HTML}
    <p>Ce projet sert de base aux priorités du contrat pluriannuel d’objectifs et de moyens (CPOM).</p>
`,
    'Consulter le projet de service',
  ),
});
