import { defineTemplate, htmlMessage, textMessage } from '../notification-template';
import { type AgreementData, type GroundsData } from './agreement-data';

export interface AgreementWithdrawnData extends AgreementData, GroundsData {
  withdrawnOn: string;
  text: string;
}

/**
 * To the service (whose president must inform every member company, D.4622-51), its DIRECCTE and
 * Caisse, and national steering (DGT, DRP).
 */
export const agreementWithdrawnTemplate = defineTemplate<'agreement-withdrawn', AgreementWithdrawnData>({
  key: 'agreement-withdrawn',
  family: 'decision',
  description: 'Agrément retiré après mise en demeure',
  subject: 'agrément de {{service}} retiré le {{date withdrawnOn}}',
  text: textMessage(
    `
{{direccte}} a retiré l’agrément de {{service}} le {{date withdrawnOn}}, après une mise en demeure restée sans effet (article D.4622-51 du Code du travail).

Motif : {{grounds}}
{{#if text}}

{{text}}
{{/if}}

Le président du service doit informer de ce retrait chacune des entreprises adhérentes (article D.4622-51 du Code du travail).

{{regionLabel}} : {{regionList}}
`,
    'Consulter la décision',
  ),
  html: htmlMessage(
    `
    <p>{{direccte}} a retiré l’agrément de <strong>{{service}}</strong> le <strong>{{date withdrawnOn}}</strong>, après une mise en demeure restée sans effet (article D.4622-51 du Code du travail).</p>
    <p>Motif : {{grounds}}</p>
    {{#if text}}
    <p>{{text}}</p>
    {{/if}}
    <p><strong>Le président du service doit informer de ce retrait chacune des entreprises adhérentes</strong> (article D.4622-51 du Code du travail).</p>
    <p>{{regionLabel}} : {{regionList}}</p>
`,
    'Consulter la décision',
  ),
});
