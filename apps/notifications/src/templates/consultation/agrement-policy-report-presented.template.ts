import { defineTemplate, htmlMessage, textMessage } from '../notification-template';
import type { AgrementPolicyReportData } from './agrement-policy-report-data';

export interface AgrementPolicyReportPresentedData extends AgrementPolicyReportData {
  presentedOn: string;
  granted: number;
  conditional: number;
  implicit: number;
  refused: number;
  withdrawn: number;
  expiringNextYear: number;
}

/** To the CRPRP (CROCT) secretariat and the DIRECCTE: the yearly information was given, with its figures. */
export const agrementPolicyReportPresentedTemplate = defineTemplate<
  'agrement-policy-report-presented',
  AgrementPolicyReportPresentedData
>({
  key: 'agrement-policy-report-presented',
  family: 'acknowledgment',
  description: 'Information annuelle sur la politique d’agrément présentée en séance',
  subject: 'information annuelle {{year}} sur la politique d’agrément présentée le {{date presentedOn}}',
  text: textMessage(
    `
L’information annuelle sur la politique régionale d’agrément de l’année {{year}} ({{regionLabel}} : {{regionList}}) a été présentée en séance le {{date presentedOn}}.

Agréments accordés : {{granted}}
Agréments conditionnels : {{conditional}}
Agréments tacites : {{implicit}}
Refus : {{refused}}
Retraits : {{withdrawn}}
Agréments expirant l’année suivante : {{expiringNextYear}}
`,
    'Consulter l’information annuelle',
  ),
  html: htmlMessage(
    `
    <p>L’information annuelle sur la politique régionale d’agrément de l’année {{year}} ({{regionLabel}} : {{regionList}}) a été présentée en séance le {{date presentedOn}}.</p>
    <ul>
      <li>Agréments accordés : {{granted}}</li>
      <li>Agréments conditionnels : {{conditional}}</li>
      <li>Agréments tacites : {{implicit}}</li>
      <li>Refus : {{refused}}</li>
      <li>Retraits : {{withdrawn}}</li>
      <li>Agréments expirant l’année suivante : {{expiringNextYear}}</li>
    </ul>
`,
    'Consulter l’information annuelle',
  ),
});
