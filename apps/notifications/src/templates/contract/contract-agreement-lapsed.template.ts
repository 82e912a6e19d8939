import { defineTemplate, htmlMessage, textMessage } from '../notification-template';
import { type ContractData, PARTIES_TEXT } from './contract-data';

export interface ContractAgreementLapsedData extends ContractData {
  lapsedOn: string;
  reasonText: string;
}

/** To the three parties: the service's agrément no longer holds while its CPOM is in force (seed 002 I.1). */
export const contractAgreementLapsedTemplate = defineTemplate<
  'contract-agreement-lapsed',
  ContractAgreementLapsedData
>({
  key: 'contract-agreement-lapsed',
  family: 'alert',
  description: 'Agrément du service tombé alors que son CPOM est en vigueur',
  subject: 'l’agrément de {{service}} ne couvre plus son CPOM depuis le {{date lapsedOn}}',
  text: textMessage(
    `
L’agrément de {{service}} {{reasonText}} le {{date lapsedOn}}, alors que son CPOM est en vigueur. Le CPOM est signalé sur la plateforme.

${PARTIES_TEXT}

Aucun CPOM ne peut être conclu si le service n’est pas préalablement agréé (note du 9 mai 2012, partie I.1) : les trois parties conviennent des suites à donner au contrat.
`,
    'Consulter le CPOM',
  ),
  html: htmlMessage(
    `
    <p>L’agrément de <strong>{{service}}</strong> {{reasonText}} le {{date lapsedOn}}, alors que son CPOM est en vigueur. <strong>Le CPOM est signalé sur la plateforme.</strong></p>
    <p>${PARTIES_TEXT}</p>
    <p>Aucun CPOM ne peut être conclu si le service n’est pas préalablement agréé (note du 9 mai 2012, partie I.1) : les trois parties conviennent des suites à donner au contrat.</p>
`,
    'Consulter le CPOM',
  ),
});
