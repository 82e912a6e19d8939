import { defineTemplate, htmlMessage, textMessage } from '../notification-template';
import {
  DIRECCTE_TOLD_TEXT,
  type PartnershipProtocolData,
  PROTOCOL_HTML,
  PROTOCOL_TEXT,
} from './partnership-protocol-data';

export interface PartnershipProtocolConcludedData extends PartnershipProtocolData {
  concludedOn: string;
  startsOn: string;
  /** Null: concluded without a term. */
  endsOn: string | null;
}

/** To the service, the Caisse and the DIRECCTE (seed 000): the partnership protocol is concluded. */
export const partnershipProtocolConcludedTemplate = defineTemplate<
  'partnership-protocol-concluded',
  PartnershipProtocolConcludedData
>({
  key: 'partnership-protocol-concluded',
  family: 'information',
  description: 'Protocole de partenariat Caisse/SSTI conclu',
  subject: 'protocole de partenariat conclu entre {{caisse}} et {{service}}',
  text: textMessage(
    `
{{caisse}} et {{service}} ont conclu le {{date concludedOn}} leur protocole de partenariat. Il s’applique à partir du {{date startsOn}}{{#if endsOn}} et jusqu’au {{date endsOn}}{{else}}, sans terme fixé{{/if}}.

${PROTOCOL_TEXT}

Ce protocole peut être annexé au contrat pluriannuel d’objectifs et de moyens (CPOM) du service. ${DIRECCTE_TOLD_TEXT}
`,
    'Consulter le protocole',
  ),
  html: htmlMessage(
    `
    <p><strong>{{caisse}}</strong> et <strong>{{service}}</strong> ont conclu le {{date concludedOn}} leur protocole de partenariat. Il s’applique à partir du {{date startsOn}}{{#if endsOn}} et jusqu’au <strong>{{date endsOn}}</strong>{{else}}, sans terme fixé{{/if}}.</p>
    ${PROTOCOL_HTML}
    <p>Ce protocole peut être annexé au contrat pluriannuel d’objectifs et de moyens (CPOM) du service. ${DIRECCTE_TOLD_TEXT}</p>
`,
    'Consulter le protocole',
  ),
});
