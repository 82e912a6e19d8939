import { defineTemplate, htmlMessage, textMessage } from '../notification-template';
import { type AgreementData } from './agreement-data';

export interface AgreementRenewalDueData extends AgreementData {
  validUntil: string;
  /** Last day to file the renewal application (four months before the end, D.4622-50). */
  filingDeadline: string;
  /** How long before the filing deadline this reminder comes: "6 mois", "7 jours". */
  reminder: string;
}

/** To the service and its DIRECCTE: file the renewal by the deadline (D.4622-50); with a calendar entry. */
export const agreementRenewalDueTemplate = defineTemplate<'agreement-renewal-due', AgreementRenewalDueData>({
  key: 'agreement-renewal-due',
  family: 'reminder',
  description: 'Rappel : demande de renouvellement d’agrément à déposer (avec fichier .ics)',
  subject: 'renouvellement de l’agrément de {{service}} à demander avant le {{date filingDeadline}}',
  text: textMessage(
    `
L’agrément de {{service}} prend fin le {{date validUntil}}.

La demande de renouvellement doit être déposée auprès de {{direccte}} avant le {{date filingDeadline}}, au moins quatre mois avant la fin de l’agrément (article D.4622-50 du Code du travail). Ce rappel vous est adressé {{reminder}} avant cette date limite.

L’échéance est jointe à ce message (fichier .ics) pour votre agenda.
`,
    'Consulter l’agrément',
  ),
  html: htmlMessage(
    `
    <p>L’agrément de <strong>{{service}}</strong> prend fin le {{date validUntil}}.</p>
    <p>La demande de renouvellement doit être déposée auprès de {{direccte}} <strong>avant le {{date filingDeadline}}</strong>, au moins quatre mois avant la fin de l’agrément (article D.4622-50 du Code du travail). Ce rappel vous est adressé {{reminder}} avant cette date limite.</p>
    <p>L’échéance est jointe à ce message (fichier .ics) pour votre agenda.</p>
`,
    'Consulter l’agrément',
  ),
  calendar: {
    filename: 'depot-renouvellement-agrement.ics',
    uid: 'agreement-renewal-filing-{{agreementId}}-{{filingDeadline}}',
    date: '{{filingDeadline}}',
    summary: 'Date limite de dépôt du renouvellement d’agrément – {{service}}',
    description:
      'Déposer auprès de {{direccte}} la demande de renouvellement de l’agrément de {{service}}, qui prend fin le {{date validUntil}} (article D.4622-50 du Code du travail). {{link}}',
  },
});
