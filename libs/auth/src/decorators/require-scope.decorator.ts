import { SetMetadata } from '@nestjs/common';

export const REQUIRED_SCOPE = 'tripartite:auth:scope';

/**
 * Scope the guard checks from route parameters, before the handler runs:
 * - `regionParam`: the parameter holding an INSEE region code;
 * - `organisationParam`: the parameter holding an organisation id;
 * - `access`: "read" (default) or "act" (see `AccessScope`).
 * When the scope is only known once the resource is loaded, use `ScopeEnforcer` in the handler instead.
 */
export interface RouteScope {
  regionParam?: string;
  organisationParam?: string;
  access?: 'read' | 'act';
}

export const RequireScope = (scope: RouteScope) => SetMetadata(REQUIRED_SCOPE, scope);
