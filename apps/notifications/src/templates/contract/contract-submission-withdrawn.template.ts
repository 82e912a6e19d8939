import { defineTemplate, htmlMessage, textMessage } from '../notification-template';
import { type ContractData, PARTIES_TEXT } from './contract-data';

export interface ContractSubmissionWithdrawnData extends ContractData {
  withdrawnOn: string;
  reason: string;
  contentVersion: number;
}

/** To the three parties: a submitted CPOM went back to draft; the consultations on it close. */
export const contractSubmissionWithdrawnTemplate = defineTemplate<
  'contract-submission-withdrawn',
  ContractSubmissionWithdrawnData
>({
  key: 'contract-submission-withdrawn',
  family: 'information',
  description: 'Soumission du projet de CPOM retirée',
  subject: 'soumission du projet de CPOM de {{service}} retirée',
  text: textMessage(
    `
La soumission de la version {{contentVersion}} du projet de CPOM de {{service}} a été retirée le {{date withdrawnOn}} : le projet redevient un brouillon et les consultations en cours sur cette version sont closes.

Motif : {{reason}}

${PARTIES_TEXT}
`,
    'Consulter le projet de CPOM',
  ),
  html: htmlMessage(
    `
    <p>La soumission de la version {{contentVersion}} du projet de CPOM de <strong>{{service}}</strong> a été retirée le {{date withdrawnOn}} : le projet redevient un brouillon et les consultations en cours sur cette version sont closes.</p>
    <p>Motif : {{reason}}</p>
    <p>${PARTIES_TEXT}</p>
`,
    'Consulter le projet de CPOM',
  ),
});
