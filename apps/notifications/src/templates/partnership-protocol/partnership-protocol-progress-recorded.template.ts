import { defineTemplate, htmlMessage, textMessage } from '../notification-template';
import {
  DIRECCTE_TOLD_TEXT,
  type PartnershipProtocolData,
  PROTOCOL_HTML,
  PROTOCOL_TEXT,
} from './partnership-protocol-data';

export interface PartnershipProtocolProgressRecordedData extends PartnershipProtocolData {
  recordedOn: string;
  summary: string;
}

/** To the service, the Caisse and the DIRECCTE (seed 000: "la mise en œuvre des actions"): a progress point. */
export const partnershipProtocolProgressRecordedTemplate = defineTemplate<
  'partnership-protocol-progress-recorded',
  PartnershipProtocolProgressRecordedData
>({
  key: 'partnership-protocol-progress-recorded',
  family: 'information',
  description: 'Point d’étape sur les actions d’un protocole de partenariat',
  subject: 'point d’étape du protocole de partenariat entre {{caisse}} et {{service}}',
  text: textMessage(
    `
Un point d’étape sur la mise en œuvre des actions du protocole de partenariat entre {{caisse}} et {{service}} a été enregistré le {{date recordedOn}} :

{{summary}}

${PROTOCOL_TEXT}

${DIRECCTE_TOLD_TEXT}
`,
    'Consulter le protocole',
  ),
  html: htmlMessage(
    `
    <p>Un point d’étape sur la mise en œuvre des actions du protocole de partenariat entre <strong>{{caisse}}</strong> et <strong>{{service}}</strong> a été enregistré le {{date recordedOn}} :</p>
    <blockquote>{{summary}}</blockquote>
    ${PROTOCOL_HTML}
    <p>${DIRECCTE_TOLD_TEXT}</p>
`,
    'Consulter le protocole',
  ),
});
