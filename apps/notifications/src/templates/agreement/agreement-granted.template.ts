import { defineTemplate, htmlMessage, textMessage } from '../notification-template';
import { type AgreementData } from './agreement-data';

export interface AgreementGrantedData extends AgreementData {
  decidedOn: string;
  validFrom: string;
  validUntil: string;
  conditional: boolean;
  /** The dated compliance commitment of a conditional agrément (D.4622-51 1°), else null. */
  commitment: { description: string; dueOn: string } | null;
  /** "3 300": the maximum number of employees per médecin du travail the decision fixes. */
  maxEmployeesPerDoctor: string;
  /** How many derogations the decision grants (0: none). */
  derogations: number;
}

/** To the service, its DIRECCTE and Caisse: the agrément is granted, possibly conditional. */
export const agreementGrantedTemplate = defineTemplate<'agreement-granted', AgreementGrantedData>({
  key: 'agreement-granted',
  family: 'decision',
  description: 'Agrément accordé (éventuellement conditionnel)',
  subject:
    'agrément {{#if conditional}}conditionnel {{/if}}accordé à {{service}} jusqu’au {{date validUntil}}',
  text: textMessage(
    `
{{direccte}} a accordé le {{date decidedOn}} {{#if conditional}}un agrément conditionnel{{else}}l’agrément{{/if}} à {{service}}, valable du {{date validFrom}} au {{date validUntil}}.

{{regionLabel}} : {{regionList}}
Effectif maximal suivi par médecin du travail : {{maxEmployeesPerDoctor}} salariés
{{#if derogations}}
Dérogations accordées : {{derogations}}
{{/if}}
{{#if commitment}}

Cet agrément conditionnel (article D.4622-51 du Code du travail, deux ans au plus, non renouvelable sous cette forme) est accordé sous réserve de l’engagement suivant, à tenir avant le {{date commitment.dueOn}} :
{{commitment.description}}
{{/if}}
`,
    'Consulter la décision',
  ),
  html: htmlMessage(
    `
    <p>{{direccte}} a accordé le {{date decidedOn}} {{#if conditional}}un <strong>agrément conditionnel</strong>{{else}}l’agrément{{/if}} à <strong>{{service}}</strong>, valable du {{date validFrom}} au <strong>{{date validUntil}}</strong>.</p>
    <p>{{regionLabel}} : {{regionList}}<br>Effectif maximal suivi par médecin du travail : {{maxEmployeesPerDoctor}} salariés{{#if derogations}}<br>Dérogations accordées : {{derogations}}{{/if}}</p>
    {{#if commitment}}
    <p>Cet agrément conditionnel (article D.4622-51 du Code du travail, deux ans au plus, non renouvelable sous cette forme) est accordé sous réserve de l’engagement suivant, à tenir <strong>avant le {{date commitment.dueOn}}</strong> :<br>{{commitment.description}}</p>
    {{/if}}
`,
    'Consulter la décision',
  ),
});
