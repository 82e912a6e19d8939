#!/usr/bin/env node
// Checks that PostgreSQL, RabbitMQ and Redis answer before the platform starts, so that `npm start` says
// which engine is down and how to start it instead of hanging on a connection retry loop.
// Usage: node scripts/preflight.mjs   (exit 0 when all three answer, 1 otherwise)
// Also imported by scripts/start.mjs.
import { pathToFileURL } from 'node:url';
import amqp from 'amqplib';
import { Redis } from 'ioredis';
import pg from 'pg';

export const DEFAULT_URLS = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
  AMQP_URL: 'amqp://guest:guest@127.0.0.1:5672',
  REDIS_URL: 'redis://127.0.0.1:6379',
};

/** How to start each engine on a Debian/Ubuntu machine like this one (the same commands as DEVELOPERS.md). */
export const START_COMMANDS = {
  PostgreSQL: 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start',
  RabbitMQ: 'rabbitmq-server -detached   # then wait until `rabbitmq-diagnostics -q ping` succeeds',
  Redis:
    'redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no ' +
    '--dir /var/lib/redis --logfile /var/log/redis/ci.log',
};

/** Hides the password of a URL before printing it. */
export function redact(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(not a valid URL)';
  }
}

/** Rejects when `promise` does not settle within `ms`, so that no check can hang. */
function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from ${what} within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function checkPostgres(url, timeoutMs) {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: timeoutMs,
    query_timeout: timeoutMs,
  });
  client.on('error', () => {}); // a late socket error after a timeout must not crash the check
  try {
    await withTimeout(
      client.connect().then(() => client.query('select 1')),
      timeoutMs,
      'PostgreSQL',
    );
  } finally {
    client.end().catch(() => {});
  }
}

async function checkRabbitMq(url, timeoutMs) {
  const attempt = amqp.connect(url, { timeout: timeoutMs });
  let connection;
  try {
    connection = await withTimeout(attempt, timeoutMs, 'RabbitMQ');
    connection.on('error', () => {});
  } finally {
    if (connection) await connection.close().catch(() => {});
    // A connection that arrives after the timeout is closed as well.
    else attempt.then((late) => late.close()).catch(() => {});
  }
}

async function checkRedis(url, timeoutMs) {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null, // one attempt, no reconnection loop
  });
  let socketError;
  redis.on('error', (error) => {
    socketError = error; // ioredis rejects with "Connection is closed."; the socket's error says why
  });
  try {
    await withTimeout(
      redis.connect().then(() => redis.ping()),
      timeoutMs,
      'Redis',
    );
  } catch (error) {
    throw socketError ?? error;
  } finally {
    redis.disconnect();
  }
}

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** Tells "nothing answers there" (start the engine) from "it answered but refused" (fix the URL). */
function isUnreachable(error) {
  if (UNREACHABLE_CODES.has(error?.code)) return true;
  return /ECONNREFUSED|timeout|no answer|Connection is closed|Connection terminated/i.test(
    error?.message ?? '',
  );
}

/**
 * Checks the three engines in parallel.
 * @returns {Promise<Array<{name: string, url: string, ok: boolean, error?: string, start: string}>>}
 */
export async function preflight({ env = process.env, timeoutMs = 3000 } = {}) {
  const targets = [
    { name: 'PostgreSQL', variable: 'DATABASE_URL', check: checkPostgres },
    { name: 'RabbitMQ', variable: 'AMQP_URL', check: checkRabbitMq },
    { name: 'Redis', variable: 'REDIS_URL', check: checkRedis },
  ];
  return Promise.all(
    targets.map(async ({ name, variable, check }) => {
      const url = env[variable] || DEFAULT_URLS[variable];
      const result = { name, variable, url: redact(url), start: START_COMMANDS[name] };
      try {
        await check(url, timeoutMs);
        return { ...result, ok: true };
      } catch (error) {
        const message = error?.message || error?.code || String(error);
        return { ...result, ok: false, error: message, unreachable: isUnreachable(error) };
      }
    }),
  );
}

/** Prints one line per engine, and the start command of each one that is down. Returns true when all answer. */
export function report(results, print = console.log) {
  for (const r of results) {
    print(
      `${r.ok ? '  ok  ' : r.unreachable ? ' DOWN ' : ' FAIL '} ${r.name.padEnd(10)} ${r.url}${r.ok ? '' : `  (${r.error})`}`,
    );
  }
  const down = results.filter((r) => !r.ok && r.unreachable);
  const refused = results.filter((r) => !r.ok && !r.unreachable);
  if (down.length > 0) {
    print('');
    print(
      `${down.map((r) => r.name).join(', ')} ${down.length === 1 ? 'is' : 'are'} not answering. Start with:`,
    );
    for (const r of down) print(`  ${r.name}:  ${r.start}`);
    print('(or point DATABASE_URL / AMQP_URL / REDIS_URL at a running engine; see DEVELOPERS.md)');
  }
  if (refused.length > 0) {
    print('');
    for (const r of refused) print(`${r.name} answers but refused the connection: check ${r.variable}.`);
  }
  return down.length === 0 && refused.length === 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log('Checking the backing services (PostgreSQL, RabbitMQ, Redis)…');
  const ok = report(await preflight());
  // Exit explicitly: a socket closed late must not keep the process alive.
  process.exit(ok ? 0 : 1);
}
