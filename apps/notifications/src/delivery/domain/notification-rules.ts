import type { EventEnvelope, PayloadOf, PlatformEventType } from '@tripartite/events';
import type { CommonTemplateData } from '../../templates/notification-template';
import type { TemplateDataOf, TemplateKey } from '../../templates/template-catalogue';
import { frenchList, regionInWords } from './french-wording';

type EnvelopeFor<T extends PlatformEventType> = EventEnvelope<PayloadOf<T>, T>;

/** Who is told about one event type, and with which message. */
export interface NotificationRule<T extends PlatformEventType, K extends TemplateKey> {
  template: K;
  /** The organisations concerned: their contacts who accept notifications receive the message. */
  organisations(event: EnvelopeFor<T>): string[];
  /** Path of the resource concerned, appended to the platform's public address. */
  link(event: EnvelopeFor<T>): string;
  /** What the template shows besides the recipient and the link. */
  data(event: EnvelopeFor<T>): Omit<TemplateDataOf<K>, keyof CommonTemplateData>;
}

/** A rule of event type `T`, with whichever template (the template fixes the data's type). */
export type RuleOf<T extends PlatformEventType> = { [K in TemplateKey]: NotificationRule<T, K> }[TemplateKey];

/**
 * THE RULE TABLE: for each event type, who receives an e-mail and which one. An event type absent from
 * it sends nothing (its consumer still keeps the projections up to date). One row per event type; a new
 * message is one row here plus one template file under src/templates.
 */
export const notificationRules: { readonly [T in PlatformEventType]?: RuleOf<T> } = {
  'organisation.registered': {
    template: 'organisation-registered',
    organisations: (event) => [event.payload.organisationId],
    link: (event) => `/api/v1/organisations/${event.payload.organisationId}`,
    data: (event) => ({
      organisation: {
        name: event.payload.name,
        regionLabel: event.payload.regions.length > 1 ? 'Régions' : 'Région',
        regionList: frenchList(event.payload.regions.map(regionInWords)),
      },
    }),
  },
  // 'organisation.updated': no e-mail; the directory changes silently.
};

/** The rule of an event type, if it sends anything; the event is the one the transport validated. */
export function ruleFor(type: string): RuleOf<PlatformEventType> | undefined {
  return (notificationRules as Record<string, RuleOf<PlatformEventType> | undefined>)[type];
}
