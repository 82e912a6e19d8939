import { defineTemplate, htmlMessage, textMessage } from '../notification-template';
import {
  DIRECCTE_TOLD_TEXT,
  type PartnershipProtocolData,
  PROTOCOL_HTML,
  PROTOCOL_TEXT,
} from './partnership-protocol-data';

export interface PartnershipProtocolNegotiationOpenedData extends PartnershipProtocolData {
  openedOn: string;
}

/** To the service, the Caisse and the DIRECCTE (seed 000): a partnership protocol is being negotiated. */
export const partnershipProtocolNegotiationOpenedTemplate = defineTemplate<
  'partnership-protocol-negotiation-opened',
  PartnershipProtocolNegotiationOpenedData
>({
  key: 'partnership-protocol-negotiation-opened',
  family: 'information',
  description: 'Négociation d’un protocole de partenariat Caisse/SSTI ouverte',
  subject: 'négociation d’un protocole de partenariat entre {{caisse}} et {{service}}',
  text: textMessage(
    `
{{caisse}} et {{service}} ont ouvert le {{date openedOn}} la négociation d’un protocole de partenariat entre la Caisse et le service de santé au travail.

${PROTOCOL_TEXT}

${DIRECCTE_TOLD_TEXT}
`,
    'Consulter le protocole',
  ),
  html: htmlMessage(
    `
    <p><strong>{{caisse}}</strong> et <strong>{{service}}</strong> ont ouvert le {{date openedOn}} la négociation d’un protocole de partenariat entre la Caisse et le service de santé au travail.</p>
    ${PROTOCOL_HTML}
    <p>${DIRECCTE_TOLD_TEXT}</p>
`,
    'Consulter le protocole',
  ),
});
