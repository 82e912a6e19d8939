import { defineTemplate, htmlMessage, textMessage } from '../notification-template';
import {
  DIRECCTE_TOLD_TEXT,
  type PartnershipProtocolData,
  PROTOCOL_HTML,
  PROTOCOL_TEXT,
} from './partnership-protocol-data';

export interface PartnershipProtocolEndedData extends PartnershipProtocolData {
  endedOn: string;
  reason: string;
}

/** To the service, the Caisse and the DIRECCTE (seed 000): the partnership protocol has ended. */
export const partnershipProtocolEndedTemplate = defineTemplate<
  'partnership-protocol-ended',
  PartnershipProtocolEndedData
>({
  key: 'partnership-protocol-ended',
  family: 'information',
  description: 'Fin d’un protocole de partenariat Caisse/SSTI',
  subject: 'fin du protocole de partenariat entre {{caisse}} et {{service}}',
  text: textMessage(
    `
Le protocole de partenariat entre {{caisse}} et {{service}} a pris fin le {{date endedOn}}.
{{#if reason}}
Motif : {{reason}}
{{/if}}

${PROTOCOL_TEXT}

${DIRECCTE_TOLD_TEXT}
`,
    'Consulter le protocole',
  ),
  html: htmlMessage(
    `
    <p>Le protocole de partenariat entre <strong>{{caisse}}</strong> et <strong>{{service}}</strong> a pris fin le {{date endedOn}}.</p>
    {{#if reason}}<p>Motif : {{reason}}</p>{{/if}}
    ${PROTOCOL_HTML}
    <p>${DIRECCTE_TOLD_TEXT}</p>
`,
    'Consulter le protocole',
  ),
});
