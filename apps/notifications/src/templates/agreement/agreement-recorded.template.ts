import { defineTemplate, htmlMessage, textMessage } from '../notification-template';
import type { AgreementData } from './agreement-data';

export interface AgreementRecordedData extends AgreementData {
  decidedOn: string;
  validFrom: string;
  validUntil: string;
  conditional: boolean;
  /** Still running (true) or already ended when recorded. */
  inForce: boolean;
  reference: string | null;
}

/**
 * To the service: an agrément it already held when the region joined the platform has been entered with its
 * real dates; it checks them, and the reminders still ahead will come from the platform. No new decision.
 */
export const agreementRecordedTemplate = defineTemplate<'agreement-recorded', AgreementRecordedData>({
  key: 'agreement-recorded',
  family: 'information',
  description: 'Agrément existant enregistré sur la plateforme (pas de nouvelle décision)',
  subject: 'votre agrément du {{date decidedOn}} est enregistré sur la plateforme',
  text: textMessage(
    `
{{direccte}} a enregistré sur la plateforme Tripartite {{#if conditional}}l’agrément conditionnel{{else}}l’agrément{{/if}} de {{service}} décidé le {{date decidedOn}}{{#if reference}} (référence {{reference}}){{/if}}, valable du {{date validFrom}} au {{date validUntil}}.

Il ne s’agit pas d’une nouvelle décision : vérifiez ces dates et signalez toute erreur à la DREETS.
{{#if inForce}}
Les rappels à venir (dépôt de la demande de renouvellement au moins quatre mois avant l’échéance, article D.4622-50 du Code du travail) vous seront adressés par la plateforme.
{{/if}}
`,
    'Consulter l’agrément',
  ),
  html: htmlMessage(
    `
    <p>{{direccte}} a enregistré sur la plateforme Tripartite {{#if conditional}}l’agrément conditionnel{{else}}l’agrément{{/if}} de <strong>{{service}}</strong> décidé le {{date decidedOn}}{{#if reference}} (référence {{reference}}){{/if}}, valable du {{date validFrom}} au <strong>{{date validUntil}}</strong>.</p>
    <p>Il ne s’agit pas d’une nouvelle décision : vérifiez ces dates et signalez toute erreur à la DREETS.</p>
    {{#if inForce}}
    <p>Les rappels à venir (dépôt de la demande de renouvellement au moins quatre mois avant l’échéance, article D.4622-50 du Code du travail) vous seront adressés par la plateforme.</p>
    {{/if}}
`,
    'Consulter l’agrément',
  ),
});
