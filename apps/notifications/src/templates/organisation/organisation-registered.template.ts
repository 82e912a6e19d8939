import { type CommonTemplateData, defineTemplate, htmlMessage, textMessage } from '../notification-template';

export interface OrganisationRegisteredData extends CommonTemplateData {
  organisation: {
    name: string;
    /** "Région" or "Régions". */
    regionLabel: string;
    /** The regions in words: "Bretagne (53) et Normandie (28)". */
    regionList: string;
  };
}

/** To the contacts of an organisation that has just entered the directory. */
export const organisationRegisteredTemplate = defineTemplate<
  'organisation-registered',
  OrganisationRegisteredData
>({
  key: 'organisation-registered',
  family: 'information',
  description: 'Organisation enregistrée sur Tripartite',
  subject: '{{organisation.name}} est enregistrée sur Tripartite',
  text: textMessage(
    `
L’organisation {{organisation.name}} est désormais enregistrée sur Tripartite, la plateforme de contractualisation de la santé au travail.

{{organisation.regionLabel}} : {{organisation.regionList}}
`,
    'Sa fiche est consultable à l’adresse suivante',
  ),
  html: htmlMessage(
    `
    <p>L’organisation <strong>{{organisation.name}}</strong> est désormais enregistrée sur Tripartite, la plateforme de contractualisation de la santé au travail.</p>
    <p>{{organisation.regionLabel}} : {{organisation.regionList}}</p>
`,
    'Consulter la fiche de l’organisation',
  ),
});
