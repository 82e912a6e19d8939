import { organisationRegisteredTemplate } from './organisation-registered.template';

/**
 * Every message the service sends, by key. The key is stored with each delivery: do not rename one
 * without migrating the deliveries that carry it.
 */
export const templateCatalogue = {
  [organisationRegisteredTemplate.key]: organisationRegisteredTemplate,
} as const;

export type TemplateKey = keyof typeof templateCatalogue;
export type TemplateDataOf<K extends TemplateKey> = (typeof templateCatalogue)[K]['sample'];
