import { defineTemplate, htmlMessage, textMessage } from '../notification-template';
import { type AgreementData } from './agreement-data';

export interface AgreementRequestedData extends AgreementData {
  /** "première demande d’agrément" or "demande de renouvellement d’agrément". */
  application: string;
  filedOn: string;
  decisionDueOn: string;
  lateRenewal: boolean;
}

/** To the service and its DIRECCTE: an application was filed; the decision is due within four months. */
export const agreementRequestedTemplate = defineTemplate<'agreement-requested', AgreementRequestedData>({
  key: 'agreement-requested',
  family: 'acknowledgment',
  description: 'Demande d’agrément ou de renouvellement déposée',
  subject: '{{service}} a déposé une {{application}}',
  text: textMessage(
    `
{{service}} a déposé le {{date filedOn}} une {{application}} auprès de {{direccte}}.

{{regionLabel}} : {{regionList}}

La décision est attendue avant le {{date decisionDueOn}}. Sans décision notifiée à cette date, l’agrément est réputé accordé (article R.4622-52 du Code du travail).
{{#if lateRenewal}}

Cette demande de renouvellement a été déposée moins de quatre mois avant la fin de l’agrément en cours (article D.4622-50 du Code du travail) : elle est instruite, mais signalée comme tardive.
{{/if}}
`,
    'Suivre la demande',
  ),
  html: htmlMessage(
    `
    <p><strong>{{service}}</strong> a déposé le {{date filedOn}} une {{application}} auprès de {{direccte}}.</p>
    <p>{{regionLabel}} : {{regionList}}</p>
    <p>La décision est attendue <strong>avant le {{date decisionDueOn}}</strong>. Sans décision notifiée à cette date, l’agrément est réputé accordé (article R.4622-52 du Code du travail).</p>
    {{#if lateRenewal}}
    <p>Cette demande de renouvellement a été déposée moins de quatre mois avant la fin de l’agrément en cours (article D.4622-50 du Code du travail) : elle est instruite, mais signalée comme tardive.</p>
    {{/if}}
`,
    'Suivre la demande',
  ),
});
