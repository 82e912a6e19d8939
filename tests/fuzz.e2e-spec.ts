import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Role, signDevelopmentToken } from '@tripartite/auth';
import { loadConfig, type PlatformConfig, serviceConfigSchema } from '@tripartite/config';
import {
  cleanupIsolatedEnvironment,
  createTestDatabase,
  isolatedEnvironment,
  SmtpCatcher,
  TEST_SERVER_URL,
} from '@tripartite/testing';
import fc from 'fast-check';
import { SignJWT } from 'jose';
import { Client } from 'pg';
import { type FuzzRequest, fixedCases, fuzzRequests, type Tokens } from './fuzz/fuzz-request';
import { type OpenApiDocumentLike, operationsOf } from './fuzz/openapi-operations';
import { type RunningPlatform, SERVICES, type ServiceName, startPlatform } from './fuzz/running-platform';
import type { IdPool } from './fuzz/valid-shaped';

// The fuzzer of issue 10, shipped as a test: the five services and the gateway as their main.ts build
// them (listening on their own loopback ports, in this process), every operation of the merged OpenAPI
// document called through the gateway with generated requests — valid-shaped, boundary and hostile (NUL,
// lone surrogates, huge strings, wrong types, year 0000, other charsets and media types, 5,000-character
// ids, bad tokens). Every answer must come back, none may be a 5xx, every 4xx is application/problem+json
// (RFC 9457), a bad token is a 401, and a refused command writes nothing (no audit entry, no event, no
// pending Idempotency-Key).
//
// Seeded: the seed is printed; FUZZ_SEED=<seed> replays the same requests, FUZZ_RUNS=<n> sets how many
// generated requests each operation gets (default 8, on top of its fixed cases).

const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const RUNS = Number(process.env.FUZZ_RUNS ?? 8);
/** A path that does not decode, or a segment too long, is refused by the router: before any authentication. */
const ROUTER_REFUSALS = [400, 414];

describe('fuzzing every operation of the API through the gateway (issue 10)', () => {
  const smtp = new SmtpCatcher();
  const databases: { name: string; drop: () => Promise<void> }[] = [];
  /** Each service's database, with the platform tables it has (a service without a command has none). */
  const clients: { client: Client; query: string }[] = [];
  let env: Record<string, string>;
  let platform: RunningPlatform | undefined;
  let gateway: string;
  let document: OpenApiDocumentLike;
  let tokens: Tokens;
  const pool: IdPool = { ids: [] };

  const startedAt = performance.now();
  before(async () => {
    process.stdout.write(
      `fuzz seed ${SEED}, ${RUNS} generated requests per operation (replay: FUZZ_SEED=${SEED})\n`,
    );
    const smtpPort = await smtp.start();
    for (const service of SERVICES) databases.push(await createTestDatabase(`fuzz_${service}`));
    env = isolatedEnvironment('fuzz', databases[0]?.name as string);
    const perService = {} as Record<ServiceName, Record<string, string>>;
    for (const [index, service] of SERVICES.entries()) {
      perService[service] = { DATABASE_NAME: databases[index]?.name as string };
    }
    Object.assign(perService.notifications, {
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtpPort),
      PUBLIC_BASE_URL: 'https://tripartite.test',
    });
    platform = await startPlatform(env, perService);
    gateway = platform.gatewayUrl;
    for (const database of databases) {
      const client = new Client({ connectionString: TEST_SERVER_URL, database: database.name });
      await client.connect();
      clients.push({ client, query: await writtenByQuery(client) });
    }
    tokens = await signTokens(loadConfig(serviceConfigSchema('fuzz', 0), env));
    document = (await (await fetch(`${gateway}/api/openapi.json`)).json()) as OpenApiDocumentLike;
    // One real organisation, so that generated ids reach an aggregate and requests get past "not found".
    const registered = await fetch(`${gateway}/api/v1/organisations`, {
      method: 'POST',
      headers: { authorization: tokens.valid[0] as string, 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'SSTI',
        name: 'Santé au travail en Ille-et-Vilaine',
        regions: ['53'],
        siret: '73282932000074',
        service: { employeesFollowed: 61_000, memberCompanies: 5_200, btp: false, sectors: ['Rennes'] },
        contacts: [
          {
            name: 'Anne Le Goff',
            email: 'anne.legoff@example.org',
            function: 'Directrice',
            receivesNotifications: true,
          },
        ],
      }),
    });
    assert.equal(registered.status, 201, await registered.clone().text());
    rememberIds(await registered.text());
    process.stdout.write(`platform up in ${Math.round(performance.now() - startedAt)} ms\n`);
  });

  after(async () => {
    for (const { client } of clients) await client.end();
    await platform?.close();
    await smtp.stop();
    await cleanupIsolatedEnvironment(env, [...SERVICES]);
    for (const database of databases) await database.drop();
  });

  let sequence = 0;
  /** How many answers of each status: shows how far past validation the generated requests got. */
  const statuses = new Map<number, number>();

  /** Sends one request and checks what the platform promises about any answer. */
  async function check(request: FuzzRequest): Promise<void> {
    const id = `fuzz-${SEED}-${++sequence}`;
    const response = await fetch(`${gateway}${request.url}`, {
      method: request.method,
      headers: { ...request.headers, 'x-request-id': id, 'x-correlation-id': id },
      ...(request.body !== undefined && request.method !== 'GET' ? { body: request.body } : {}),
      signal: AbortSignal.timeout(20_000),
    }).catch((error: Error) => {
      throw new Error(`${request.label}: no answer (${error.message})`);
    });
    const text = await response.text();
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    const where = `${request.label} → ${response.status} ${text.slice(0, 300)}`;
    assert.ok(response.status < 500, `no 5xx: ${where}`);
    if (response.status >= 400) {
      assert.match(
        response.headers.get('content-type') ?? '',
        /^application\/problem\+json/,
        `problem+json: ${where}`,
      );
      const problem = JSON.parse(text) as { status?: unknown; code?: unknown };
      assert.equal(problem.status, response.status, `the problem's status: ${where}`);
      assert.equal(typeof problem.code, 'string', `the problem's code: ${where}`);
    }
    if (request.badToken && !ROUTER_REFUSALS.includes(response.status)) {
      assert.equal(response.status, 401, `a bad token is refused: ${where}`);
    }
    if (response.status < 300) rememberIds(text);
    if (response.status >= 400 && request.method !== 'GET') await assertNothingWritten(id, request, where);
  }

  /** Ids the API hands out become path parameters of later requests, so the fuzzer reaches real aggregates. */
  function rememberIds(text: string): void {
    for (const match of text.matchAll(/"id":"([0-9a-f-]{36})"/g)) {
      const id = match[1] as string;
      if (!pool.ids.includes(id) && pool.ids.length < 40) pool.ids.push(id);
    }
  }

  async function assertNothingWritten(id: string, request: FuzzRequest, where: string): Promise<void> {
    for (const { client, query } of clients) {
      const { rows } = await client.query(query, [id, request.idempotencyKey ?? '']);
      assert.equal(rows[0]?.written, 0, `a refused request writes nothing (${client.database}): ${where}`);
    }
  }

  it('answers every generated request without a 5xx, with problem+json for every 4xx, and writes nothing when it refuses', async (t) => {
    t.diagnostic(`seed ${SEED} (FUZZ_SEED=${SEED} replays)`);
    const services = (document as { 'x-tripartite-services'?: { included?: string[] } })[
      'x-tripartite-services'
    ];
    assert.deepEqual(
      [...(services?.included ?? [])].sort(),
      [...SERVICES].sort(),
      'every service is in the document',
    );
    const operations = operationsOf(document);
    assert.ok(operations.length >= 20, `the document lists the API (${operations.length} operations)`);
    let sent = 0;
    const fuzzStart = performance.now();
    for (const [index, operation] of operations.entries()) {
      const seed = SEED + index;
      for (const request of fixedCases(operation, document, pool, tokens, seed)) {
        await check(request);
        sent += 1;
      }
      await fc.assert(
        fc.asyncProperty(fuzzRequests(operation, document, pool, tokens), async (request) => {
          await check(request);
          sent += 1;
        }),
        { seed, numRuns: RUNS, endOnFailure: true },
      );
    }
    t.diagnostic(
      `answers by status: ${[...statuses]
        .sort(([a], [b]) => a - b)
        .map(([status, n]) => `${status}×${n}`)
        .join(' ')}`,
    );
    t.diagnostic(
      `${operations.length} operations, ${sent} requests in ${Math.round(performance.now() - fuzzStart)} ms`,
    );
  });
});

/**
 * Counts what a request (by its request and correlation id, and its Idempotency-Key) left in one database:
 * audit entries (every command writes one in its transaction), events in the outbox, keys still pending.
 */
async function writtenByQuery(client: Client): Promise<string> {
  const { rows } = await client.query(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
  );
  const tables = new Set(rows.map((row: { table_name: string }) => row.table_name));
  const counts = [
    tables.has('audit_log')
      ? 'SELECT count(*) FROM audit_log WHERE request_id = p.id OR correlation_id = p.id'
      : '0',
    tables.has('outbox') ? "SELECT count(*) FROM outbox WHERE envelope->>'correlationId' = p.id" : '0',
    tables.has('idempotency_keys')
      ? "SELECT count(*) FROM idempotency_keys WHERE key = p.key AND state = 'pending'"
      : '0',
  ];
  return `SELECT (${counts.map((count) => `(${count})`).join(' + ')})::int AS written
            FROM (SELECT $1::text AS id, $2::text AS key) AS p`;
}

/** Good tokens of every role, and every kind of bad one the gateway and the services must refuse. */
async function signTokens(config: PlatformConfig): Promise<Tokens> {
  const sign = (roles: Role[], region?: string, organisationId?: string, secret = config.AUTH_DEV_SECRET) =>
    signDevelopmentToken({
      subject: `fuzz-${roles.join('-')}`,
      roles,
      region,
      organisationId,
      issuer: config.AUTH_ISSUER,
      audience: config.AUTH_AUDIENCE,
      secret,
    });
  const valid = await Promise.all([
    sign(['admin']),
    sign(['admin']),
    sign(['national']),
    sign(['direccte'], '53'),
    sign(['caisse'], '53'),
    sign(['sst'], '53', '00000000-0000-4000-8000-000000000001'),
    sign(['crprp'], '53'),
    sign(['ars'], '93'),
  ]);
  const key = new TextEncoder().encode(config.AUTH_DEV_SECRET);
  const expired = await new SignJWT({ roles: ['admin'] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject('fuzz-expired')
    .setIssuer(config.AUTH_ISSUER)
    .setAudience(config.AUTH_AUDIENCE)
    .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
    .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
    .sign(key);
  const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(
    JSON.stringify({
      sub: 'x',
      roles: ['admin'],
      iss: config.AUTH_ISSUER,
      aud: config.AUTH_AUDIENCE,
      exp: 9_999_999_999,
    }),
  ).toString('base64url')}.`;
  const bad = [
    '',
    'Bearer',
    'Bearer not-a-token',
    'Basic YWRtaW46YWRtaW4=',
    `Bearer ${expired}`,
    `Bearer ${unsigned}`,
    `Bearer ${await sign(['admin'], undefined, undefined, 'another-secret-of-at-least-thirty-two-chars')}`,
    `Bearer ${await signDevelopmentToken({ subject: 'x', roles: ['superuser' as Role], issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE, secret: config.AUTH_DEV_SECRET })}`,
    `Bearer ${'a'.repeat(8000)}`,
  ];
  return { valid: valid.map((token) => `Bearer ${token}`), bad };
}
