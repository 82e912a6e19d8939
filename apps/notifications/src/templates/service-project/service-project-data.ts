import { type CommonTemplateData, SAMPLE } from '../notification-template';

/** What every service-project message shows: the service, the version, its period and priorities. */
export interface ServiceProjectData extends CommonTemplateData {
  projectId: string;
  service: string;
  projectVersion: number;
  periodStart: string;
  periodEnd: string;
  priorities: string[];
}

export const serviceProjectSample = {
  recipient: SAMPLE.recipient,
  link: `${SAMPLE.base}/api/v1/service-projects/${SAMPLE.projectId}`,
  projectId: SAMPLE.projectId,
  service: SAMPLE.service,
  projectVersion: 2,
  periodStart: '2027-01-01',
  periodEnd: '2031-12-31',
  priorities: ['Prévention des troubles musculo-squelettiques', 'Maintien dans l’emploi'],
};

/** The priorities, one per line in the text and as a list in the HTML (empty: nothing shown). */
export const PRIORITIES_TEXT = `{{#if priorities}}
Priorités :
{{#each priorities}}
- {{this}}
{{/each}}
{{/if}}`;

export const PRIORITIES_HTML = `{{#if priorities}}
    <p>Priorités :</p>
    <ul>
      {{#each priorities}}
      <li>{{this}}</li>
      {{/each}}
    </ul>
    {{/if}}`;
