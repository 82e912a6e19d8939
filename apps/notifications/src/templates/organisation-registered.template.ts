import { type CommonTemplateData, defineTemplate } from './notification-template';

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
  text: `Bonjour {{recipient.name}},

L’organisation {{organisation.name}} est désormais enregistrée sur Tripartite, la plateforme de contractualisation de la santé au travail.

{{organisation.regionLabel}} : {{organisation.regionList}}

Sa fiche est consultable à l’adresse suivante :
{{link}}

Vous recevez ce message en tant que contact de {{organisation.name}} ayant accepté les notifications de Tripartite.

L’équipe Tripartite
`,
  html: `<!DOCTYPE html>
<html lang="fr">
  <body style="font-family: Arial, Helvetica, sans-serif; color: #1e1e1e; line-height: 1.5;">
    <p>Bonjour {{recipient.name}},</p>
    <p>L’organisation <strong>{{organisation.name}}</strong> est désormais enregistrée sur Tripartite, la plateforme de contractualisation de la santé au travail.</p>
    <p>{{organisation.regionLabel}} : {{organisation.regionList}}</p>
    <p><a href="{{link}}">Consulter la fiche de l’organisation</a></p>
    <p style="color: #666666; font-size: 0.9em;">Vous recevez ce message en tant que contact de {{organisation.name}} ayant accepté les notifications de Tripartite.</p>
    <p>L’équipe Tripartite</p>
  </body>
</html>
`,
  sample: {
    recipient: { name: 'Camille Martin' },
    link: 'http://127.0.0.1:3000/api/v1/organisations/0193a3c4-5e6f-7a8b-9c0d-1e2f3a4b5c6d',
    organisation: {
      name: 'Santé Travail Bretagne',
      regionLabel: 'Région',
      regionList: 'Bretagne (53)',
    },
  },
});
