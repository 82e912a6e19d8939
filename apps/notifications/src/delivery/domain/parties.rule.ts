import type { ContractParties } from '../../directory/domain/contract-parties';
import type { DirectoryOrganisation } from '../../directory/domain/directory-organisation';
import type { DirectoryView } from '../../directory/domain/directory-view';
import { frenchList } from './french-wording';

/**
 * The parties a rule of the table may address. Each is resolved from the event and the directory:
 * - `organisation`: the organisation an `organisation.*` event is about;
 * - `service`: the occupational health service (`serviceId`);
 * - `direccte`, `caisse`: the ones the event names (`direccteId`, `caisseId`), else those the contract
 *   projection knows for its `contractId`, else the DIRECCTE / Caisses of the event's regions (the CPOM's
 *   parties, for `contract.*` and `consultation.*`);
 * - `competentCaisse`: the service's competent Caisse, chosen per service (the event's `caisseId`, else the
 *   directory's), never every Caisse of the region, and none for an SSTA (agrément and service project);
 * - `crprp`, `ars`: the CRPRP (CROCT) and ARS of the event's regions;
 * - `consulted`: the body a consultation asks (`consultedOrganisationId`);
 * - `dgt`, `drp`: national steering (every organisation of that type).
 */
export const PARTIES = [
  'organisation',
  'service',
  'direccte',
  'caisse',
  'competentCaisse',
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
  /** SSTI or SSTA when the event says (agrément events); else the directory tells. */
  serviceType: 'SSTI' | 'SSTA' | null;
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
    serviceType: p.serviceType === 'SSTI' || p.serviceType === 'SSTA' ? p.serviceType : null,
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

/** The organisations one party of an event stands for, or why it stands for none. */
export interface PartyResolution {
  organisations: DirectoryOrganisation[];
  /** Set when `organisations` is empty: why nobody of this party is told. */
  nobodyBecause?: string;
}

/** Resolves one party of an event (possibly to nobody: the directory does not know it yet, or a rule says so). */
export function resolveParty(
  party: Party,
  subject: EventSubject,
  directory: DirectoryView,
  contract: ContractParties | null,
): PartyResolution {
  const found = (organisations: DirectoryOrganisation[], nobodyBecause: string): PartyResolution =>
    organisations.length > 0 ? { organisations } : { organisations, nobodyBecause };
  const one = (id: string | null | undefined, what: string) => {
    const known = directory.byId(id);
    return found(
      known ? [known] : [],
      id ? `${what} ${id} is not in the directory yet` : `the event names no ${what}`,
    );
  };
  const regional = (type: string) =>
    found(
      directory.ofType(type, subject.regions),
      `no ${type} of region(s) ${subject.regions.join(', ') || 'none'} in the directory`,
    );
  // A party named by id wins; when the directory does not know it, the region's own stands in.
  const namedOrRegional = (id: string | null | undefined, type: string) => {
    const named = directory.byId(id);
    return named ? { organisations: [named] } : regional(type);
  };
  switch (party) {
    case 'organisation':
      return one(subject.organisationId, 'organisation');
    case 'service':
      return one(subject.serviceId, 'service');
    case 'direccte':
      return namedOrRegional(subject.direccteId ?? contract?.direccteId, 'DIRECCTE');
    case 'caisse':
      return namedOrRegional(subject.caisseId ?? contract?.caisseId, 'CAISSE');
    case 'competentCaisse':
      return competentCaisseOf(subject, directory);
    case 'crprp':
      return regional('CRPRP');
    case 'ars':
      return regional('ARS');
    case 'consulted':
      return one(subject.consultedOrganisationId, 'consulted body');
    case 'dgt':
      return found(directory.ofType('DGT'), 'no DGT in the directory');
    case 'drp':
      return found(directory.ofType('DRP'), 'no DRP in the directory');
  }
}

/**
 * The Caisse competent for the service of an agrément or service-project event: the one the event names,
 * else the one the directory records for the service; never the Caisses of its region (a region may have
 * two, and a Caisse may cover two regions: domain brief). An SSTA has no CPOM (L.4622-10), so no Caisse is
 * told of its agrément.
 */
function competentCaisseOf(subject: EventSubject, directory: DirectoryView): PartyResolution {
  const service = directory.byId(subject.serviceId);
  if ((subject.serviceType ?? service?.type) === 'SSTA') {
    return { organisations: [], nobodyBecause: 'an SSTA has no CPOM: no Caisse is told (L.4622-10)' };
  }
  const caisseId = subject.caisseId ?? service?.caisseId ?? null;
  if (!caisseId) {
    return {
      organisations: [],
      nobodyBecause:
        'no competent Caisse is known for the service (neither the event nor the directory names one)',
    };
  }
  const caisse = directory.byId(caisseId);
  return caisse
    ? { organisations: [caisse] }
    : { organisations: [], nobodyBecause: `the competent Caisse ${caisseId} is not in the directory yet` };
}

/** The organisations one party of an event stands for (possibly none). */
export function organisationsOf(
  party: Party,
  subject: EventSubject,
  directory: DirectoryView,
  contract: ContractParties | null,
): DirectoryOrganisation[] {
  return resolveParty(party, subject, directory, contract).organisations;
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

/** A party of a rule that reaches nobody, and why: kept with the decision on the event. */
export interface UntoldParty {
  party: Party;
  reason: string;
}

/** The organisations of several parties, in the order of `parties`, each once; and the parties told nobody. */
export function resolveParties(
  parties: readonly Party[],
  subject: EventSubject,
  directory: DirectoryView,
  contract: ContractParties | null,
): { organisations: DirectoryOrganisation[]; untold: UntoldParty[] } {
  const seen = new Map<string, DirectoryOrganisation>();
  const untold: UntoldParty[] = [];
  for (const party of parties) {
    const { organisations, nobodyBecause } = resolveParty(party, subject, directory, contract);
    if (nobodyBecause) untold.push({ party, reason: nobodyBecause });
    for (const o of organisations) if (!seen.has(o.id)) seen.set(o.id, o);
  }
  return { organisations: [...seen.values()], untold };
}
