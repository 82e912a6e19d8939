import { defineTemplate, htmlMessage, textMessage } from '../notification-template';
import { type ContractData, PARTIES_TEXT } from './contract-data';

export interface ContractRecordedData extends ContractData {
  signedOn: string;
  periodStart: string;
  periodEnd: string;
  /** Still running (true) or already ended when recorded. */
  inForce: boolean;
  reference: string | null;
}

/**
 * To the three parties only: a CPOM they signed before the region joined the platform has been entered with
 * its real dates; they check them. Not a new signature: the CRPRP and the ARS are not told again.
 */
export const contractRecordedTemplate = defineTemplate<'contract-recorded', ContractRecordedData>({
  key: 'contract-recorded',
  family: 'information',
  description: 'CPOM existant enregistré sur la plateforme (pas de nouvelle signature)',
  subject: 'le CPOM de {{service}} signé le {{date signedOn}} est enregistré sur la plateforme',
  text: textMessage(
    `
Le contrat pluriannuel d’objectifs et de moyens (CPOM) de {{service}}, signé le {{date signedOn}} par les trois parties{{#if reference}} (référence {{reference}}){{/if}} et courant du {{date periodStart}} au {{date periodEnd}}, a été enregistré sur la plateforme Tripartite.

${PARTIES_TEXT}
{{regionLabel}} : {{regionList}}

Il ne s’agit pas d’une nouvelle signature : vérifiez ces dates et signalez toute erreur.
{{#if inForce}}
Les rappels à venir (examen au moins annuel par les trois parties, évaluation à son terme : note du 9 mai 2012, partie II.4) vous seront adressés par la plateforme.
{{/if}}
`,
    'Consulter le CPOM',
  ),
  html: htmlMessage(
    `
    <p>Le contrat pluriannuel d’objectifs et de moyens (CPOM) de <strong>{{service}}</strong>, signé le {{date signedOn}} par les trois parties{{#if reference}} (référence {{reference}}){{/if}} et courant du {{date periodStart}} au <strong>{{date periodEnd}}</strong>, a été enregistré sur la plateforme Tripartite.</p>
    <p>${PARTIES_TEXT}<br>{{regionLabel}} : {{regionList}}</p>
    <p>Il ne s’agit pas d’une nouvelle signature : vérifiez ces dates et signalez toute erreur.</p>
    {{#if inForce}}
    <p>Les rappels à venir (examen au moins annuel par les trois parties, évaluation à son terme : note du 9 mai 2012, partie II.4) vous seront adressés par la plateforme.</p>
    {{/if}}
`,
    'Consulter le CPOM',
  ),
});
