import {
  type CommonTemplateData,
  defineTemplate,
  htmlMessage,
  SAMPLE,
  textMessage,
} from '../notification-template';

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
  description: 'Organisation enregistrée sur Tripartite',
  subject: 'Tripartite : {{organisation.name}} est enregistrée sur la plateforme',
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
  sample: {
    recipient: SAMPLE.recipient,
    link: `${SAMPLE.base}/api/v1/organisations/${SAMPLE.serviceId}`,
    organisation: { name: SAMPLE.service, regionLabel: SAMPLE.regionLabel, regionList: SAMPLE.regionList },
  },
});
