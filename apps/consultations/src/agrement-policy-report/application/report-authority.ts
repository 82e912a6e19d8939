import { Injectable } from '@nestjs/common';
import { AccessScope, forbiddenScope, type ListScope, listScopeOf } from '@tripartite/auth';
import { currentActor } from '../../access/current-actor';
import type { AgrementPolicyReport } from '../domain/agrement-policy-report';

/**
 * The yearly information is the DIRECCTE's to give (seed 002 I.2) and the body's secretariat's to circulate:
 * the DIRECCTE of the region plans it and records it presented, as may the region's `crprp` secretariat;
 * regional authorities read their region's, national roles all. Services do not read it.
 */
@Injectable()
export class ReportAuthority {
  assertMayPlan(region: string): void {
    const actor = currentActor();
    if (!AccessScope.canActInRegion(actor, region))
      throw forbiddenScope(`you may not act in region ${region}`);
  }

  assertMayPresent(report: AgrementPolicyReport): void {
    this.assertMayPlan(report.state.region);
  }

  assertMayRead(report: AgrementPolicyReport): void {
    const actor = currentActor();
    if (
      !AccessScope.readsEverything(actor) &&
      !(AccessScope.isRegionalAuthority(actor) && actor.region === report.state.region)
    ) {
      throw forbiddenScope('this information is outside your scope');
    }
  }

  /** What a list shows: every region to national roles, the region to a regional authority, none to others. */
  listScope(): ListScope {
    const scope = listScopeOf(currentActor());
    return scope.ownOrganisationId ? { withinRegions: [] } : scope;
  }
}
