import type { ContractParties } from '../../directory/domain/contract-parties';
import type { DirectoryOrganisation } from '../../directory/domain/directory-organisation';
import type { DirectoryView } from '../../directory/domain/directory-view';
import { frenchList } from './french-wording';

/**
 * The parties a rule of the table may address. Each is resolved from the event and the directory:
 * - `organisation`: the organisation an `organisation.*` event is about;
 * - `service`: the occupational health service (`serviceId`);
 * - `direccte`, `caisse`: the ones the event names (`direccteId`, `caisseId`), else those the contract
 *   projection knows for its `contractId`, else the DIRECCTE / Caisses of the event's regions;
 * - `crprp`, `ars`: the CRPRP (CROCT) and ARS of the event's regions;
 * - `consulted`: the body a consultation asks (`consultedOrganisationId`);
 * - `dgt`, `drp`: national steering (every organisation of that type).
 */
export const PARTIES = [
  'organisation',
  'service',
  'direccte',
  'caisse',
  'crprp',
  'ars',
  'consulted',
  'dgt',
  'drp',
] as const;
export type Party = (typeof PARTIES)[number];

/** The fields of a payload that name parties; every event of the catalogue carries some of them. */
export interface EventSubject {
  organisationId: string | null;
  serviceId: string | null;
  caisseId: string | null;
  direccteId: string | null;
  consultedOrganisationId: string | null;
  contractId: string | null;
  regions: string[];
  serviceName: string | null;
}

/** Reads the party fields of any payload of the catalogue (validated by the transport before this). */
export function subjectOf(payload: unknown, eventRegion: string | null): EventSubject {
  const p = (payload ?? {}) as Record<string, unknown>;
  const text = (key: string): string | null => (typeof p[key] === 'string' ? (p[key] as string) : null);
  const regions = Array.isArray(p.regions)
    ? p.regions.filter((r): r is string => typeof r === 'string')
    : eventRegion
      ? [eventRegion]
      : [];
  return {
    organisationId: text('organisationId'),
    serviceId: text('serviceId'),
    caisseId: text('caisseId'),
    direccteId: text('direccteId'),
    consultedOrganisationId: text('consultedOrganisationId'),
    contractId: text('contractId'),
    regions,
    serviceName: text('serviceName'),
  };
}

/** The organisations the directory must hold for an event's parties to be resolved. */
export function organisationIdsOf(subject: EventSubject, contract: ContractParties | null): string[] {
  const ids = [
    subject.organisationId,
    subject.serviceId,
    subject.caisseId,
    subject.direccteId,
    subject.consultedOrganisationId,
    contract?.serviceId,
    contract?.caisseId,
    contract?.direccteId,
  ];
  return [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
}

/** The national types, always loaded with an event's part of the directory (a handful of rows). */
export const NATIONAL_TYPES = ['DGT', 'DRP'] as const;

/** The organisations one party of an event stands for (possibly none: the directory does not know it yet). */
export function organisationsOf(
  party: Party,
  subject: EventSubject,
  directory: DirectoryView,
  contract: ContractParties | null,
): DirectoryOrganisation[] {
  const one = (id: string | null | undefined) => {
    const found = directory.byId(id);
    return found ? [found] : [];
  };
  // A party named by id wins; when the directory does not know it, the region's own stands in.
  const namedOrRegional = (id: string | null | undefined, type: string) => {
    const named = one(id);
    return named.length > 0 ? named : directory.ofType(type, subject.regions);
  };
  switch (party) {
    case 'organisation':
      return one(subject.organisationId);
    case 'service':
      return one(subject.serviceId);
    case 'direccte':
      return namedOrRegional(subject.direccteId ?? contract?.direccteId, 'DIRECCTE');
    case 'caisse':
      return namedOrRegional(subject.caisseId ?? contract?.caisseId, 'CAISSE');
    case 'crprp':
      return directory.ofType('CRPRP', subject.regions);
    case 'ars':
      return directory.ofType('ARS', subject.regions);
    case 'consulted':
      return one(subject.consultedOrganisationId);
    case 'dgt':
      return directory.ofType('DGT');
    case 'drp':
      return directory.ofType('DRP');
  }
}

/** How the messages name the parties: from the directory, else from the event, else a generic phrase. */
export interface PartyNames {
  service: string;
  direccte: string;
  caisse: string;
  consulted: string;
}

export function partyNamesOf(
  subject: EventSubject,
  directory: DirectoryView,
  contract: ContractParties | null,
): PartyNames {
  const named = (party: Party, fallback: string): string => {
    const names = organisationsOf(party, subject, directory, contract).map((o) => o.name);
    return names.length > 0 ? frenchList(names) : fallback;
  };
  return {
    // The event's own name of the service is what the decision said: it wins over the directory's.
    service: subject.serviceName ?? named('service', 'le service de santé au travail'),
    direccte: named('direccte', 'la DIRECCTE'),
    caisse: named('caisse', 'la caisse régionale (CARSAT)'),
    // The messages name the kind of body besides (CRPRP, ARS), so a generic name still reads well.
    consulted: named('consulted', 'l’instance consultée'),
  };
}

/** The organisations of several parties, in the order of `parties`, each once. */
export function organisationsOfAll(
  parties: readonly Party[],
  subject: EventSubject,
  directory: DirectoryView,
  contract: ContractParties | null,
): DirectoryOrganisation[] {
  const seen = new Map<string, DirectoryOrganisation>();
  for (const party of parties) {
    for (const o of organisationsOf(party, subject, directory, contract))
      if (!seen.has(o.id)) seen.set(o.id, o);
  }
  return [...seen.values()];
}
