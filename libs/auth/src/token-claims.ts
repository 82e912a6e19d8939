import type { Actor } from '@tripartite/context';
import { z } from 'zod';
import { AuthenticationError } from './auth.errors';
import { isRole, NATIONWIDE_ROLES, type Role } from './roles';

/** INSEE region codes are two digits ("11" Île-de-France, "93" Provence-Alpes-Côte d'Azur, "01" Guadeloupe…). */
export const REGION_CODE = /^\d{2}$/;

const claimsSchema = z.object({
  sub: z.string().min(1),
  roles: z.array(z.string()),
  region: z.string().regex(REGION_CODE, 'must be a two-digit INSEE region code').optional(),
  org: z.string().min(1).optional(),
});

/** A verified caller: the context's `Actor`, with its roles narrowed to the platform's. */
export interface AuthenticatedActor extends Actor {
  roles: readonly Role[];
}

/**
 * Turns a verified claim set into the actor of the request context.
 * Roles the platform does not know are dropped (an identity provider may carry others); a regional
 * role without a region is refused, because every scope check would then have nothing to compare.
 */
export function actorFromClaims(payload: unknown): AuthenticatedActor {
  const parsed = claimsSchema.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AuthenticationError(`token claim "${issue?.path.join('.')}" ${issue?.message ?? 'is invalid'}`);
  }
  const { sub, roles, region, org } = parsed.data;
  const known = roles.filter(isRole);
  if (known.length === 0) throw new AuthenticationError('token carries no Tripartite role');
  if (!region && !known.some((role) => NATIONWIDE_ROLES.includes(role))) {
    throw new AuthenticationError('token claim "region" is required for a regional role');
  }
  return { subject: sub, roles: known, region: region ?? null, organisationId: org ?? null };
}
