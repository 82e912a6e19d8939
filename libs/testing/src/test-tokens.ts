import { signDevelopmentToken } from '@tripartite/auth';
import type { PlatformConfig } from '@tripartite/config';

/** A development token for a test caller, signed with the service's development key. */
export async function testToken(
  config: PlatformConfig,
  caller: { roles: string[]; region?: string; org?: string; sub?: string },
): Promise<string> {
  return signDevelopmentToken({
    subject: caller.sub ?? `test-${caller.roles.join('-')}`,
    roles: caller.roles,
    region: caller.region,
    organisationId: caller.org,
    issuer: config.AUTH_ISSUER,
    audience: config.AUTH_AUDIENCE,
    secret: config.AUTH_DEV_SECRET,
  } as Parameters<typeof signDevelopmentToken>[0]);
}
