// Prints a development bearer token: `npm run token -- --role direccte --region 11 [--org ID] [--sub NAME] [--ttl 8h]`.
// Signed with the development key (AUTH_DEV_SECRET), which every service refuses in production.
// Capture it without npm's banner: TOKEN=$(npm run -s token -- --role admin)
import { parseArgs } from 'node:util';
import {
  isRole,
  NATIONWIDE_ROLES,
  REGION_CODE,
  ROLES,
  type Role,
  signDevelopmentToken,
} from '@tripartite/auth';
import { loadConfig, platformConfigSchema } from '@tripartite/config';

const usage = `Usage: npm run token -- --role ROLE [--role ROLE…] --region CODE [--org ID] [--sub NAME] [--ttl 8h]
  --role    one of ${ROLES.join(', ')} (repeat, or separate with commas, for several)
  --region  INSEE region code, two digits (11 Île-de-France, 84 Auvergne-Rhône-Alpes…); optional for admin/national
  --org     organisation id the caller speaks for
  --sub     subject (default: dev-<role>)
  --ttl     lifetime, e.g. 30m, 8h, 2d (default 8h)`;

function fail(message: string): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values: Record<string, string | boolean | string[] | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        role: { type: 'string', multiple: true },
        region: { type: 'string' },
        org: { type: 'string' },
        sub: { type: 'string' },
        ttl: { type: 'string', default: '8h' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  if (values.help) {
    console.log(usage);
    return;
  }
  const config = loadConfig(platformConfigSchema, process.env);
  if (config.NODE_ENV === 'production') fail('Refused: development tokens are not accepted in production.');

  const requested = ((values.role as string[] | undefined) ?? [])
    .flatMap((r) => r.split(','))
    .map((r) => r.trim());
  if (requested.length === 0) fail('--role is required.');
  const unknown = requested.filter((role) => !isRole(role));
  if (unknown.length > 0) fail(`Unknown role(s): ${unknown.join(', ')}.`);
  const roles = requested as Role[];

  const region = values.region as string | undefined;
  if (region !== undefined && !REGION_CODE.test(region))
    fail(`--region must be two digits, got "${region}".`);
  if (!region && !roles.some((role) => NATIONWIDE_ROLES.includes(role))) {
    fail(`--region is required for the role(s) ${roles.join(', ')}.`);
  }
  const ttl = values.ttl as string;
  if (!/^\d+\s*(s|sec|secs|m|min|mins|h|hr|hrs|d|day|days|w|week|weeks)$/i.test(ttl)) {
    fail(`--ttl must read like 30m, 8h or 2d, got "${ttl}".`);
  }

  const token = await signDevelopmentToken({
    subject: (values.sub as string | undefined) ?? `dev-${roles[0]}`,
    roles,
    region,
    organisationId: values.org as string | undefined,
    issuer: config.AUTH_ISSUER,
    audience: config.AUTH_AUDIENCE,
    secret: config.AUTH_DEV_SECRET,
    ttl,
  });
  console.log(token);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
