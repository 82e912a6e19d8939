import { type CanActivate, type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { currentContext } from '@tripartite/context';
import { AccessScope } from './access-scope';
import { AuthenticationError, VerifierUnavailableError } from './auth.errors';
import {
  forbiddenRole,
  forbiddenScope,
  PROBLEM_CONTENT_TYPE,
  unauthenticated,
  verifierUnavailable,
} from './auth-problem';
import { bearerToken } from './bearer-token';
import { IS_PUBLIC } from './decorators/public.decorator';
import { REQUIRED_SCOPE, type RouteScope } from './decorators/require-scope.decorator';
import { REQUIRED_ROLES } from './decorators/roles.decorator';
import type { Role } from './roles';
import type { AuthenticatedActor } from './token-claims';
import { TokenVerifier } from './token-verifier';

interface GuardedRequest {
  url?: string;
  headers: Record<string, string | string[] | undefined>;
  params?: Record<string, string | undefined>;
  actor?: AuthenticatedActor;
}

interface ProblemCapableReply {
  header?: (name: string, value: string) => unknown;
  setHeader?: (name: string, value: string) => unknown;
}

/**
 * Installed globally by `AuthModule`: every HTTP route needs a valid bearer token unless `@Public()`,
 * then `@Roles(...)` and `@RequireScope(...)` are enforced. The verified actor is put on the request
 * (`@CurrentActor()`) and in the request context (`currentContext().actor`) for audit and handlers.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Event consumers and timers are not HTTP callers: they act as the system (see systemActor).
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<GuardedRequest>();
    const reply = context.switchToHttp().getResponse<ProblemCapableReply>();
    try {
      const actor = await this.authenticate(request);
      this.checkRoles(actor, this.reflector.getAllAndOverride<Role[]>(REQUIRED_ROLES, targets), request);
      this.checkScope(actor, this.reflector.getAllAndOverride<RouteScope>(REQUIRED_SCOPE, targets), request);
      return true;
    } catch (error) {
      // Correct on the wire even before (or without) the platform's problem+json filter.
      setProblemContentType(reply);
      throw error;
    }
  }

  private async authenticate(request: GuardedRequest): Promise<AuthenticatedActor> {
    let actor: AuthenticatedActor;
    try {
      actor = await this.verifier.verify(bearerToken(request.headers.authorization));
    } catch (error) {
      if (error instanceof AuthenticationError) throw unauthenticated(error.message, request.url);
      if (error instanceof VerifierUnavailableError) {
        this.logger.error(`token verification unavailable: ${describeCause(error)}`);
        throw verifierUnavailable(error.message, request.url);
      }
      throw error;
    }
    request.actor = actor;
    const context = currentContext();
    if (context) context.actor = actor;
    return actor;
  }

  private checkRoles(actor: AuthenticatedActor, required: Role[] | undefined, request: GuardedRequest): void {
    if (!required || required.length === 0) return;
    if (actor.roles.some((role) => required.includes(role))) return;
    throw forbiddenRole(`this operation requires one of the roles: ${required.join(', ')}`, request.url);
  }

  private checkScope(
    actor: AuthenticatedActor,
    scope: RouteScope | undefined,
    request: GuardedRequest,
  ): void {
    if (!scope) return;
    const act = scope.access === 'act';
    if (scope.regionParam) {
      const region = request.params?.[scope.regionParam];
      if (region === undefined) throw scopeMisconfigured(scope.regionParam);
      const allowed = act
        ? AccessScope.canActInRegion(actor, region)
        : AccessScope.canReadRegion(actor, region);
      if (!allowed) throw forbiddenScope(`region ${region} is outside your scope`, request.url);
    }
    if (scope.organisationParam) {
      const organisationId = request.params?.[scope.organisationParam];
      if (organisationId === undefined) throw scopeMisconfigured(scope.organisationParam);
      const allowed = act
        ? AccessScope.canActForOrganisation(actor, organisationId)
        : AccessScope.readsEverything(actor) || actor.organisationId === organisationId;
      if (!allowed) throw forbiddenScope(`organisation ${organisationId} is outside your scope`, request.url);
    }
  }
}

function setProblemContentType(reply: ProblemCapableReply): void {
  if (typeof reply.header === 'function') reply.header('content-type', PROBLEM_CONTENT_TYPE);
  else if (typeof reply.setHeader === 'function') reply.setHeader('content-type', PROBLEM_CONTENT_TYPE);
}

/** A programming error (a decorator naming a parameter the route lacks): fail loudly, never allow. */
function scopeMisconfigured(param: string): Error {
  return new Error(`@RequireScope names route parameter "${param}", which this route does not have`);
}

function describeCause(error: Error): string {
  return error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message;
}
