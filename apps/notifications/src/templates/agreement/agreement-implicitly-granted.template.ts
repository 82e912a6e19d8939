import { defineTemplate, htmlMessage, textMessage } from '../notification-template';
import { type AgreementData } from './agreement-data';

export interface AgreementImplicitlyGrantedData extends AgreementData {
  decisionDueOn: string;
  validFrom: string;
  validUntil: string;
}

/** To the service, its DIRECCTE and Caisse, and the DGT: silence granted the agrément (R.4622-52). */
export const agreementImplicitlyGrantedTemplate = defineTemplate<
  'agreement-implicitly-granted',
  AgreementImplicitlyGrantedData
>({
  key: 'agreement-implicitly-granted',
  family: 'decision',
  description: 'Agrément accordé implicitement faute de décision dans les quatre mois',
  subject: 'agrément implicite de {{service}} faute de décision au {{date decisionDueOn}}',
  text: textMessage(
    `
Aucune décision n’a été notifiée à {{service}} au {{date decisionDueOn}}, quatre mois après le dépôt de sa demande complète : l’agrément est réputé accordé (article R.4622-52 du Code du travail).

Il est valable du {{date validFrom}} au {{date validUntil}}.

{{regionLabel}} : {{regionList}}
Autorité compétente : {{direccte}}
`,
    'Consulter l’agrément',
  ),
  html: htmlMessage(
    `
    <p>Aucune décision n’a été notifiée à <strong>{{service}}</strong> au {{date decisionDueOn}}, quatre mois après le dépôt de sa demande complète : l’agrément est <strong>réputé accordé</strong> (article R.4622-52 du Code du travail).</p>
    <p>Il est valable du {{date validFrom}} au {{date validUntil}}.</p>
    <p>{{regionLabel}} : {{regionList}}<br>Autorité compétente : {{direccte}}</p>
`,
    'Consulter l’agrément',
  ),
});
