import { Injectable } from '@nestjs/common';
import { type Actor, currentContext } from '@tripartite/context';
import { AccessScope, type ScopedResource } from './access-scope';
import { forbiddenScope, unauthenticated } from './auth-problem';

/**
 * Asserts scope inside a handler, once the resource (and so its regions and parties) is known.
 * Answers 403 AUTH.FORBIDDEN_SCOPE. The actor defaults to the request context's.
 */
@Injectable()
export class ScopeEnforcer {
  assertCanRead(resource: ScopedResource, actor: Actor = requireActor()): void {
    if (!AccessScope.canRead(actor, resource)) throw forbiddenScope('this resource is outside your scope');
  }

  assertCanReadRegion(regions: string | readonly string[], actor: Actor = requireActor()): void {
    if (!AccessScope.canReadRegion(actor, regions)) {
      throw forbiddenScope(`region ${[regions].flat().join(', ')} is outside your scope`);
    }
  }

  assertCanActInRegion(regions: string | readonly string[], actor: Actor = requireActor()): void {
    if (!AccessScope.canActInRegion(actor, regions)) {
      throw forbiddenScope(`you may not act in region ${[regions].flat().join(', ')}`);
    }
  }

  assertCanActForOrganisation(organisationId: string, actor: Actor = requireActor()): void {
    if (!AccessScope.canActForOrganisation(actor, organisationId)) {
      throw forbiddenScope(`you may not act for organisation ${organisationId}`);
    }
  }
}

function requireActor(): Actor {
  const actor = currentContext()?.actor;
  if (!actor) throw unauthenticated('no authenticated actor in this request');
  return actor;
}
