import { SignJWT } from 'jose';
import type { Role } from './roles';

/** Development tokens are HMAC-signed: one shared secret, nothing to generate or distribute. */
export const DEVELOPMENT_ALGORITHM = 'HS256';

export function developmentKey(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

export interface DevelopmentTokenRequest {
  subject: string;
  roles: readonly Role[];
  region?: string;
  organisationId?: string;
  issuer: string;
  audience: string;
  secret: string;
  /** Lifetime as jose reads it: "8h", "30m", "2d", or seconds. */
  ttl?: string | number;
}

/**
 * Signs a token the development key verifies: for `npm run token`, tests and demos.
 * Production never accepts it (its verifier trusts only the identity provider's key set).
 */
export async function signDevelopmentToken(request: DevelopmentTokenRequest): Promise<string> {
  const claims: Record<string, unknown> = { roles: [...request.roles] };
  if (request.region) claims.region = request.region;
  if (request.organisationId) claims.org = request.organisationId;
  const ttl = request.ttl ?? '8h';
  return new SignJWT(claims)
    .setProtectedHeader({ alg: DEVELOPMENT_ALGORITHM, typ: 'JWT' })
    .setSubject(request.subject)
    .setIssuer(request.issuer)
    .setAudience(request.audience)
    .setIssuedAt()
    .setExpirationTime(typeof ttl === 'number' ? `${ttl}s` : ttl)
    .sign(developmentKey(request.secret));
}
