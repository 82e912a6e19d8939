import type { EventEnvelope, PlatformEventType } from '@tripartite/events';
import type { ContractParties } from '../../directory/domain/contract-parties';
import type { DirectoryOrganisation } from '../../directory/domain/directory-organisation';
import { DirectoryView } from '../../directory/domain/directory-view';
import type { TemplateDataOf, TemplateKey } from '../../templates/template-catalogue';
import { eventTypesOf, ruleFor } from './notification-rules';
import { type Party, partyNamesOf, resolveParties, resolveParty, subjectOf } from './parties.rule';
import { recipientsAmong } from './recipients.rule';
import { SAMPLE_PARTIES, sampleEnvelope, samplePayloads } from './sample-events';

/**
 * A template as its rule row would send it in the sample story: the event that sends it, the first of
 * the row's recipients, and the data the row builds. Nothing here is written by hand for a template, so
 * a preview cannot say something the rules do not do.
 */
export interface TemplatePreview<K extends TemplateKey = TemplateKey> {
  event: EventEnvelope<unknown, PlatformEventType>;
  /** The party of the row the sample recipient is a contact of. */
  party: Party;
  data: TemplateDataOf<K>;
}

const S = SAMPLE_PARTIES;

/** The organisations of the sample story, each with one contact who accepts notifications. */
function organisation(
  id: string,
  type: string,
  name: string,
  contact: string,
  regions: string[] = S.regions,
  caisseId: string | null = null,
): DirectoryOrganisation {
  const email = `${contact
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z]+/g, '.')}@example.fr`;
  return {
    id,
    type,
    name,
    regions,
    contacts: [{ name: contact, email, function: null, receivesNotifications: true }],
    caisseId,
    version: 1,
    updatedAt: new Date(0),
  };
}

const SAMPLE_DIRECTORY = new DirectoryView([
  organisation(S.serviceId, 'SSTI', S.serviceName, 'Camille Martin', S.regions, S.caisseId),
  organisation(S.direccteId, 'DIRECCTE', 'DREETS Bretagne', 'Claire Le Gall'),
  organisation(S.caisseId, 'CAISSE', 'CARSAT Bretagne', 'Yannick Le Bihan'),
  organisation(S.consultedOrganisationId, 'ARS', 'ARS Bretagne', 'Soizic Guillou'),
  organisation('0193a3c4-5e6f-7a8b-9c0d-9e2f3a4b5c6d', 'CRPRP', 'CROCT Bretagne', 'Loïc Tanguy'),
  organisation(
    '0193a3c4-5e6f-7a8b-9c0d-ae2f3a4b5c6d',
    'DGT',
    'Direction générale du travail',
    'Hélène Durand',
    ['11'],
  ),
  organisation(
    '0193a3c4-5e6f-7a8b-9c0d-be2f3a4b5c6d',
    'DRP',
    'Direction des risques professionnels',
    'Marc Lefèvre',
    ['11'],
  ),
]);

const SAMPLE_CONTRACT: ContractParties = {
  contractId: S.contractId,
  serviceId: S.serviceId,
  caisseId: S.caisseId,
  direccteId: S.direccteId,
  regions: S.regions,
};

/** The preview of a template, its links on `publicBaseUrl`. */
export function previewOf<K extends TemplateKey>(key: K, publicBaseUrl: string): TemplatePreview<K> {
  // Every template is sent by one event type (the rule table's spec checks it).
  const type = eventTypesOf(key)[0];
  const rule = type ? ruleFor(type) : undefined;
  if (!type || !rule) throw new Error(`No row of the rule table sends "${key}"`);
  const payloads = samplePayloads(S) as Partial<Record<PlatformEventType, unknown>>;
  const event = sampleEnvelope(type, payloads[type] as never);
  const subject = subjectOf(event.payload, event.region);
  const { organisations } = resolveParties(rule.to, subject, SAMPLE_DIRECTORY, SAMPLE_CONTRACT);
  const [recipient] = recipientsAmong(organisations);
  const party = rule.to.find((p) =>
    resolveParty(p, subject, SAMPLE_DIRECTORY, SAMPLE_CONTRACT).organisations.some(
      (o) => o.id === recipient?.organisationId,
    ),
  );
  if (!recipient || !party) throw new Error(`Nobody of the sample story receives "${key}"`);
  const data = {
    ...rule.data(event as never, partyNamesOf(subject, SAMPLE_DIRECTORY, SAMPLE_CONTRACT)),
    recipient: { name: recipient.name, organisation: recipient.organisationName },
    link: `${publicBaseUrl}${rule.link(event as never)}`,
  } as TemplateDataOf<K>;
  return { event, party, data };
}
