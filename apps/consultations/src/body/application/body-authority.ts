import { Injectable } from '@nestjs/common';
import { AccessScope, forbiddenScope, ScopeEnforcer } from '@tripartite/auth';
import type { Actor } from '@tripartite/context';
import { currentActor } from '../../access/current-actor';
import type { Body } from '../domain/body.types';

/**
 * Who keeps a body's data: the DIRECCTE of its region (or an administrator) sets bodies up; the body's
 * secretariat (its answering organisation: `crprp` or `ars` of that organisation) and the DIRECCTE of the
 * region keep its members; national roles read them too. Members' e-mails and declarations of interests are
 * not for everyone.
 */
@Injectable()
export class BodyAuthority {
  constructor(private readonly scope: ScopeEnforcer) {}

  assertMayKeepBodies(region: string): void {
    this.scope.assertCanActInRegion(region);
  }

  assertMayKeepMembers(body: Body): void {
    if (!BodyAuthority.keepsMembers(currentActor(), body)) {
      throw forbiddenScope(`you may not keep the members of body ${body.id}`);
    }
  }

  assertMayReadMembers(body: Body): void {
    const actor = currentActor();
    if (!AccessScope.readsEverything(actor) && !BodyAuthority.keepsMembers(actor, body)) {
      throw forbiddenScope(`you may not read the members of body ${body.id}`);
    }
  }

  /** The body's secretariat (its own organisation) or the DIRECCTE of its region; an administrator anywhere. */
  static keepsMembers(actor: Actor, body: Body): boolean {
    if (AccessScope.actsEverywhere(actor)) return true;
    if (actor.roles.includes('direccte') && AccessScope.canActInRegion(actor, body.region)) return true;
    return (
      (actor.roles.includes('crprp') || actor.roles.includes('ars')) &&
      actor.organisationId === body.organisationId
    );
  }
}
