import type { Actor } from '@tripartite/context';

/** What a scope check needs to know about a resource: where it lives and whom it belongs to. */
export interface ScopedResource {
  /** The regions the resource belongs to: an organisation may cover several (a Caisse can cover two). */
  regions: readonly string[];
  /** The organisations party to it (the service of a CPOM, its Caisse…). */
  organisationIds?: readonly (string | null | undefined)[];
}

/**
 * Region and organisation scope, answered from the actor alone. Pure: no framework, no I/O, so domain
 * handlers and controllers ask the same questions. Roles say what an actor may do; scope says where.
 * - admin and national read everywhere; only admin acts everywhere (national steers, it does not decide);
 * - a regional actor reads and acts in its own region;
 * - an actor speaks for its own organisation only.
 */
export class AccessScope {
  static readsEverything(actor: Actor): boolean {
    return actor.roles.includes('admin') || actor.roles.includes('national');
  }

  static actsEverywhere(actor: Actor): boolean {
    return actor.roles.includes('admin');
  }

  /** Whether the actor may see what belongs to one of `regions`. */
  static canReadRegion(actor: Actor, regions: string | readonly string[]): boolean {
    if (AccessScope.readsEverything(actor)) return true;
    return AccessScope.inActorRegion(actor, regions);
  }

  /** Whether the actor may decide on something of one of `regions` (a DIRECCTE in its own region). */
  static canActInRegion(actor: Actor, regions: string | readonly string[]): boolean {
    if (AccessScope.actsEverywhere(actor)) return true;
    return AccessScope.inActorRegion(actor, regions);
  }

  /** Whether the actor may speak for `organisationId` (submit its service project, sign for it). */
  static canActForOrganisation(actor: Actor, organisationId: string): boolean {
    if (AccessScope.actsEverywhere(actor)) return true;
    return actor.organisationId !== null && actor.organisationId === organisationId;
  }

  /**
   * Whether the actor may read a resource: nationwide readers always; a party to it (same organisation)
   * always; otherwise the resource must lie in the actor's region and the actor must be a regional
   * authority (an SST does not read another SST's file because they share a region).
   */
  static canRead(actor: Actor, resource: ScopedResource): boolean {
    if (AccessScope.readsEverything(actor)) return true;
    if (actor.organisationId !== null && (resource.organisationIds ?? []).includes(actor.organisationId)) {
      return true;
    }
    return AccessScope.isRegionalAuthority(actor) && AccessScope.inActorRegion(actor, resource.regions);
  }

  /** Roles that oversee or take part in every file of their region. */
  static isRegionalAuthority(actor: Actor): boolean {
    return actor.roles.some((role) => REGIONAL_AUTHORITY_ROLES.includes(role));
  }

  private static inActorRegion(actor: Actor, regions: string | readonly string[]): boolean {
    if (actor.region === null) return false;
    const list = typeof regions === 'string' ? [regions] : regions;
    return list.includes(actor.region);
  }
}

/**
 * What a list shows an actor: `{}` (everything) to national roles; the actor's region to a regional authority;
 * else only what its own organisation is party to — `NO_ORGANISATION`, which matches nothing, when the token names
 * none (or names it in a form no record can have).
 */
export interface ListScope {
  withinRegions?: readonly string[];
  ownOrganisationId?: string;
}

/** The nil UUID: an organisation id no record has, so a list scoped to it is empty. */
export const NO_ORGANISATION = '00000000-0000-0000-0000-000000000000';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function listScopeOf(actor: Actor): ListScope {
  if (AccessScope.readsEverything(actor)) return {};
  if (AccessScope.isRegionalAuthority(actor) && actor.region) return { withinRegions: [actor.region] };
  return { ownOrganisationId: ownOrganisationIdOf(actor) };
}

/**
 * The token's organisation as a list may filter on it: its id, or `NO_ORGANISATION` when the token names none
 * or a malformed one (which would otherwise reach a uuid column and fail the query).
 */
export function ownOrganisationIdOf(actor: Actor): string {
  const own = actor.organisationId;
  return own && UUID.test(own) ? own : NO_ORGANISATION;
}

/** The DIRECCTE, the Caisse, the CRPRP and the ARS take part in every CPOM of their region. */
const REGIONAL_AUTHORITY_ROLES: readonly string[] = ['direccte', 'caisse', 'crprp', 'ars'];
