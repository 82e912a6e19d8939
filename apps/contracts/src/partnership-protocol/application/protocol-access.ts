import { Injectable } from '@nestjs/common';
import { AccessScope, forbiddenScope, ownOrganisationIdOf, unauthenticated } from '@tripartite/auth';
import { type Actor, currentContext } from '@tripartite/context';
import type { ProtocolParties } from '../domain/partnership-protocol.types';

/** What a list of protocols shows an actor. */
export interface ProtocolListScope {
  withinRegions?: readonly string[];
  partyId?: string;
}

/**
 * Who acts on and who reads a partnership protocol (seed 000): its two parties (the service and the Caisse,
 * by the organisation in their token) act, as does an administrator; the DIRECCTE of the region reads, since
 * it is told of every step; national roles read all. Any other actor — another service, another Caisse, the
 * CRPRP or the ARS of the region, a DIRECCTE of another region — is denied (403).
 */
@Injectable()
export class ProtocolAccess {
  assertCanAct(
    parties: Pick<ProtocolParties, 'serviceId' | 'caisseId'>,
    actor: Actor = requireActor(),
  ): void {
    if (
      !AccessScope.canActForOrganisation(actor, parties.serviceId) &&
      !AccessScope.canActForOrganisation(actor, parties.caisseId)
    ) {
      throw forbiddenScope('only the service and the Caisse party to a protocol act on it');
    }
  }

  assertCanRead(protocol: ProtocolParties, actor: Actor = requireActor()): void {
    if (!canRead(actor, protocol)) throw forbiddenScope('this protocol is outside your scope');
  }

  listScopeOf(actor: Actor): ProtocolListScope {
    if (AccessScope.readsEverything(actor)) return {};
    if (actor.roles.includes('direccte') && actor.region) return { withinRegions: [actor.region] };
    return { partyId: ownOrganisationIdOf(actor) };
  }
}

function canRead(actor: Actor, protocol: ProtocolParties): boolean {
  if (AccessScope.readsEverything(actor)) return true;
  if (
    actor.organisationId !== null &&
    [protocol.serviceId, protocol.caisseId].includes(actor.organisationId)
  ) {
    return true;
  }
  return actor.roles.includes('direccte') && actor.region !== null && protocol.regions.includes(actor.region);
}

function requireActor(): Actor {
  const actor = currentContext()?.actor;
  if (!actor) throw unauthenticated('no authenticated actor in this request');
  return actor;
}
