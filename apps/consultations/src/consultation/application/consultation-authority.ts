import { Injectable } from '@nestjs/common';
import { AccessScope, forbiddenScope, ownOrganisationIdOf } from '@tripartite/auth';
import type { Actor } from '@tripartite/context';
import { currentActor } from '../../access/current-actor';
import type { Consultation } from '../domain/consultation';
import type { ConsultationListScope } from '../infrastructure/consultation.repository';

/**
 * Who acts on and reads a consultation (issue 12): the body's secretariat (`crprp` of the body's organisation)
 * and the DIRECCTE of the region act on a college body's consultations, the ARS (`ars` of the ARS organisation)
 * on its own; the CPOM's three parties read theirs; national roles read all; an administrator does anything.
 */
@Injectable()
export class ConsultationAuthority {
  assertMayAct(consultation: Consultation): void {
    const actor = currentActor();
    if (!ConsultationAuthority.mayAct(actor, consultation)) {
      throw forbiddenScope(
        `you may not act on consultation ${consultation.id} (${consultation.state.bodyName})`,
      );
    }
  }

  assertMayRead(consultation: Consultation): void {
    const actor = currentActor();
    if (!ConsultationAuthority.mayRead(actor, consultation)) {
      throw forbiddenScope(`consultation ${consultation.id} is outside your scope`);
    }
  }

  /** What a list shows the current actor. */
  listScope(): ConsultationListScope | 'all' {
    const actor = currentActor();
    if (AccessScope.readsEverything(actor)) return 'all';
    const scope: ConsultationListScope = {};
    if (actor.roles.includes('direccte') && actor.region) scope.withinRegions = [actor.region];
    if (actor.organisationId) scope.organisationId = ownOrganisationIdOf(actor);
    return scope;
  }

  static mayAct(actor: Actor, c: Consultation): boolean {
    if (AccessScope.actsEverywhere(actor)) return true;
    const own = actor.organisationId !== null && actor.organisationId === c.state.consultedOrganisationId;
    if (!c.isCollege) return actor.roles.includes('ars') && own;
    if (actor.roles.includes('crprp') && own) return true;
    return actor.roles.includes('direccte') && AccessScope.canActInRegion(actor, c.state.regions);
  }

  static mayRead(actor: Actor, c: Consultation): boolean {
    if (AccessScope.readsEverything(actor) || ConsultationAuthority.mayAct(actor, c)) return true;
    if (actor.roles.includes('direccte') && AccessScope.canReadRegion(actor, c.state.regions)) return true;
    const s = c.state;
    return (
      actor.organisationId !== null &&
      [s.consultedOrganisationId, s.serviceId, s.caisseId, s.direccteId].includes(actor.organisationId)
    );
  }
}
