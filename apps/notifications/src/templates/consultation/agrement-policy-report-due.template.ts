import { defineTemplate, htmlMessage, textMessage } from '../notification-template';
import type { AgrementPolicyReportData } from './agrement-policy-report-data';

export interface AgrementPolicyReportDueData extends AgrementPolicyReportData {
  dueOn: string;
  daysLeft: number;
}

/** To the DIRECCTE: the body is to be informed of the year's agrément policy (seed 002 I.2). */
export const agrementPolicyReportDueTemplate = defineTemplate<
  'agrement-policy-report-due',
  AgrementPolicyReportDueData
>({
  key: 'agrement-policy-report-due',
  family: 'reminder',
  description: 'Rappel à la DIRECCTE : information annuelle sur la politique d’agrément',
  subject: 'information annuelle {{year}} sur la politique d’agrément à présenter avant le {{date dueOn}}',
  text: textMessage(
    `
La formation restreinte (ou l’instance qui lui a succédé) est « informée annuellement de la politique régionale menée par la DIRECCTE en matière d’agrément ».

L’information sur l’année {{year}} ({{regionLabel}} : {{regionList}}) est à présenter avant le {{date dueOn}} ({{inDays daysLeft}}). Les chiffres de l’année sont disponibles au format CSV.
`,
    'Consulter l’information annuelle',
  ),
  html: htmlMessage(
    `
    <p>La formation restreinte (ou l’instance qui lui a succédé) est « informée annuellement de la politique régionale menée par la DIRECCTE en matière d’agrément ».</p>
    <p>L’information sur l’année {{year}} ({{regionLabel}} : {{regionList}}) est à présenter <strong>avant le {{date dueOn}}</strong> ({{inDays daysLeft}}). Les chiffres de l’année sont disponibles au format CSV.</p>
`,
    'Consulter l’information annuelle',
  ),
});
