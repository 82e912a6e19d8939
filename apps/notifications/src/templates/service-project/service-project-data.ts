import type { CommonTemplateData } from '../notification-template';

/** What every service-project message shows: the service, the version, its period and priorities. */
export interface ServiceProjectData extends CommonTemplateData {
  projectId: string;
  service: string;
  projectVersion: number;
  periodStart: string;
  periodEnd: string;
  priorities: string[];
}

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
