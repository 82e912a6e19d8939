#!/usr/bin/env node
// Starts the whole platform on this machine, every service as its own process as in production:
// `npm start` (= npm run build && node scripts/start.mjs). Each service creates its database and applies its
// migrations at boot. The gateway starts last, once the services behind it are ready.
//
// Usage: node scripts/start.mjs [service...]   (no argument: every service; e.g. `node scripts/start.mjs agreements`)
// Environment: DIST_DIR (compiled output, default dist), START_READY_TIMEOUT_MS (default 120000), plus every
// variable the services read (DATABASE_URL, AMQP_URL, REDIS_URL, LOG_LEVEL…), passed through to them.
// E-mails: when the notifications service starts, SMTP_HOST is not set and NODE_ENV is not production, a
// development SMTP catcher (MailDev) starts too, on 127.0.0.1 (SMTP DEV_MAIL_SMTP_PORT, default 1025; web page
// DEV_MAIL_WEB_PORT, default 1080), and the notifications service sends there. Production never gets one.
import { spawn } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import net from 'node:net';
import { join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { preflight, report } from './preflight.mjs';

const root = new URL('..', import.meta.url).pathname;
const dist = resolve(root, process.env.DIST_DIR ?? 'dist');
const readyTimeoutMs = Number(process.env.START_READY_TIMEOUT_MS ?? 120_000);
const killAfterMs = 10_000; // services exit within 10 s of SIGTERM; past that they are killed
const host = '127.0.0.1';

/** The domain services first, then the gateway that routes to them. */
const SERVICES = [
  { name: 'agreements', port: 3001 },
  { name: 'contracts', port: 3002 },
  { name: 'consultations', port: 3003 },
  { name: 'notifications', port: 3004 },
  { name: 'indicators', port: 3005 },
  { name: 'gateway', port: 3000 },
];

/** The development SMTP catcher: MailDev, a devDependency, bound to loopback only. */
const CATCHER = {
  name: 'maildev',
  smtpPort: Number(process.env.DEV_MAIL_SMTP_PORT ?? 1025),
  webPort: Number(process.env.DEV_MAIL_WEB_PORT ?? 1080),
};

const colour = process.stdout.isTTY && !process.env.NO_COLOR;
const palette = [36, 33, 35, 32, 34, 31];
const width = Math.max(...SERVICES.map((s) => s.name.length));
const say = (message) =>
  console.log(`${colour ? '\x1b[1m' : ''}[start]${colour ? '\x1b[0m' : ''} ${message}`);
const complain = (message) =>
  console.error(`${colour ? '\x1b[1;31m' : ''}[start]${colour ? '\x1b[0m' : ''} ${message}`);

/** Which services to run: all, or those named on the command line. */
function selectServices(names) {
  if (names.length === 0) return SERVICES;
  const unknown = names.filter((n) => !SERVICES.some((s) => s.name === n));
  if (unknown.length > 0) {
    complain(`unknown service ${unknown.join(', ')}; choose among ${SERVICES.map((s) => s.name).join(', ')}`);
    process.exit(2);
  }
  return SERVICES.filter((s) => names.includes(s.name));
}

/** Resolves true when something already listens on the port (another `npm start`, a stray service). */
function portTaken(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (taken) => {
      socket.destroy();
      resolve(taken);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

const running = new Map(); // name → { child, exited: Promise<{code, signal}> }
let stopping = false;

/** Copies a child's stream line by line, each line prefixed with the service name. */
function pipeWithPrefix(stream, out, prefix) {
  createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY }).on('line', (line) => {
    out.write(`${prefix} ${line}\n`);
  });
}

function launch(service, index, extraEnv = {}) {
  const entry = join(dist, 'apps', service.name, 'src', 'main.js');
  const env = {
    ...process.env,
    NODE_ENV: process.env.NODE_ENV ?? 'development',
    HTTP_PORT: String(service.port),
    ...extraEnv,
  };
  // A value meant for one service must not leak into all of them (they would share one database).
  delete env.DATABASE_NAME;
  delete env.SERVICE_NAME;
  spawnPrefixed(service.name, ['--enable-source-maps', entry], env, index);
}

/** Starts a child process whose output lines are prefixed with its name, and watches it. */
function spawnPrefixed(name, args, env, index) {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Own process group: Ctrl-C reaches this script only, which then stops the services in order.
    detached: true,
  });
  const label = `[${name.padEnd(width)}]`;
  const prefix = colour ? `\x1b[${palette[index % palette.length]}m${label}\x1b[0m` : label;
  pipeWithPrefix(child.stdout, process.stdout, prefix);
  pipeWithPrefix(child.stderr, process.stderr, prefix);
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', (error) => {
      complain(`${name}: could not start (${error.message})`);
      resolve({ code: 1, signal: null });
    });
  });
  running.set(name, { child, exited });
  exited.then(({ code, signal }) => {
    running.delete(name);
    if (stopping) return;
    complain(
      `${name} exited unexpectedly (${signal ? `signal ${signal}` : `exit code ${code}`}); stopping the others`,
    );
    void stopAll(1);
  });
}

/**
 * Whether `npm start` brings its own SMTP catcher: only for the notifications service, when no mail server
 * is configured (SMTP_HOST unset), and never in production (there the service refuses to boot without one).
 */
function wantsCatcher(services) {
  if (!services.some((s) => s.name === 'notifications')) return false;
  if (process.env.SMTP_HOST) return false;
  return (process.env.NODE_ENV ?? 'development') !== 'production';
}

/** Where MailDev's command is (its `bin` link, as npm installs it), or null when devDependencies are not installed. */
function maildevEntry() {
  const link = join(root, 'node_modules', '.bin', 'maildev');
  return existsSync(link) ? realpathSync(link) : null;
}

/**
 * Starts MailDev on loopback and waits until its SMTP port answers; answers the environment that points the
 * notifications service at it. An SMTP server already listening there (a catcher left running, Mailpit) is
 * used as it is.
 */
async function startCatcher() {
  const smtpEnv = { SMTP_HOST: host, SMTP_PORT: String(CATCHER.smtpPort), SMTP_SECURE: 'false' };
  if (await portTaken(CATCHER.smtpPort)) {
    say(
      `an SMTP server already listens on ${host}:${CATCHER.smtpPort}: e-mails go there (no catcher started)`,
    );
    return { env: smtpEnv, web: null };
  }
  const entry = maildevEntry();
  if (!entry) {
    complain('no SMTP_HOST and MailDev is not installed (a devDependency): run `npm ci`, or set SMTP_HOST');
    process.exit(1);
  }
  if (await portTaken(CATCHER.webPort)) {
    complain(`port ${CATCHER.webPort} (MailDev web page) already in use: set DEV_MAIL_WEB_PORT`);
    process.exit(1);
  }
  say(`no SMTP_HOST: starting the development SMTP catcher (MailDev) on ${host}:${CATCHER.smtpPort}`);
  const args = [
    entry,
    '--smtp',
    String(CATCHER.smtpPort),
    '--ip',
    host,
    '--web',
    String(CATCHER.webPort),
    '--web-ip',
    host,
  ];
  spawnPrefixed(CATCHER.name, args, { ...process.env }, SERVICES.length);
  const deadline = Date.now() + readyTimeoutMs;
  while (!(await portTaken(CATCHER.smtpPort))) {
    if (stopping || !running.has(CATCHER.name) || Date.now() > deadline) {
      complain('the development SMTP catcher did not start');
      return stopAll(1);
    }
    await sleep(200);
  }
  return { env: smtpEnv, web: `http://${host}:${CATCHER.webPort}` };
}

/** Polls /health/ready until it answers 200, the service dies, or the time is up. */
async function waitReady(service) {
  const url = `http://${host}:${service.port}/health/ready`;
  const deadline = Date.now() + readyTimeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (stopping || !running.has(service.name)) return false;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return true;
      last = `HTTP ${response.status} ${(await response.text()).slice(0, 300)}`;
    } catch (error) {
      last = error.cause?.code ?? error.message;
    }
    await sleep(500);
  }
  complain(`${service.name} is not ready after ${readyTimeoutMs / 1000} s (${url}: ${last})`);
  return false;
}

/** Stops one service: SIGTERM, then SIGKILL if it is still there 10 s later. */
async function stopOne(name) {
  const entry = running.get(name);
  if (!entry) return;
  entry.child.kill('SIGTERM');
  const timer = setTimeout(() => {
    complain(`${name} did not exit within ${killAfterMs / 1000} s of SIGTERM; killing it`);
    entry.child.kill('SIGKILL');
  }, killAfterMs);
  const { code, signal } = await entry.exited;
  clearTimeout(timer);
  say(`${name} stopped (${signal ? `signal ${signal}` : `exit code ${code}`})`);
}

/**
 * Stops the gateway first, so that no new request reaches the services, then the services side by side, then
 * the SMTP catcher, which the notifications service may still be sending to.
 */
async function stopAll(exitCode) {
  if (stopping) return;
  stopping = true;
  if (running.size > 0) say(`stopping ${[...running.keys()].reverse().join(', ')}…`);
  await stopOne('gateway');
  await Promise.all([...running.keys()].filter((name) => name !== CATCHER.name).map(stopOne));
  await stopOne(CATCHER.name);
  process.exit(exitCode);
}

// Last resort: if this script dies some other way, do not leave orphan services behind.
process.on('exit', () => {
  for (const { child } of running.values()) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (stopping) return;
    say(`${signal} received`);
    void stopAll(0);
  });
}

async function main() {
  const services = selectServices(process.argv.slice(2));

  const missing = services.filter((s) => !existsSync(join(dist, 'apps', s.name, 'src', 'main.js')));
  if (missing.length > 0) {
    for (const s of missing) {
      complain(`${s.name}: ${relative(root, join(dist, 'apps', s.name, 'src', 'main.js'))} does not exist`);
    }
    complain(
      'build first (`npm run build`, or `npm start` which builds), and check apps/<service>/src/main.ts exists',
    );
    process.exit(1);
  }

  say('checking PostgreSQL, RabbitMQ and Redis…');
  if (!report(await preflight(), (line) => console.log(`        ${line}`))) {
    complain('a backing service is down or refuses the connection; nothing was started');
    process.exit(1);
  }

  const taken = [];
  for (const s of services) if (await portTaken(s.port)) taken.push(s);
  if (taken.length > 0) {
    complain(
      `port ${taken.map((s) => `${s.port} (${s.name})`).join(', ')} already in use: another \`npm start\` running?`,
    );
    process.exit(1);
  }

  const started = Date.now();
  const catcher = wantsCatcher(services) ? await startCatcher() : null;
  if (!catcher && !process.env.SMTP_HOST && services.some((s) => s.name === 'notifications')) {
    say('NODE_ENV=production and no SMTP_HOST: no development catcher; notifications will refuse to boot');
  }
  if (stopping) return;
  const backends = services.filter((s) => s.name !== 'gateway');
  const gateway = services.find((s) => s.name === 'gateway');
  // The domain services boot side by side (each its own database); the gateway only once they are ready.
  backends.forEach((s) => {
    say(`starting ${s.name} on http://${host}:${s.port}`);
    launch(s, SERVICES.indexOf(s), s.name === 'notifications' && catcher ? catcher.env : {});
  });
  const ready = await Promise.all(backends.map(waitReady));
  if (ready.includes(false)) return stopAll(1);
  if (gateway) {
    say(`starting gateway on http://${host}:${gateway.port}`);
    launch(gateway, SERVICES.indexOf(gateway));
    if (!(await waitReady(gateway))) return stopAll(1);
  }

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const lines = [
    `Tripartite is up (${services.length} service${services.length > 1 ? 's' : ''} ready in ${seconds} s).`,
    ...services.map((s) => `  ${s.name.padEnd(width)}  http://${host}:${s.port}   (health: /health/ready)`),
  ];
  if (gateway) {
    lines.push(
      '',
      `  Gateway:  http://${host}:3000/api/v1/…`,
      `  API docs: http://${host}:3000/api/docs`,
      '  A development token:  npm run token -- --role direccte --region 53',
      `  then:  curl -H "Authorization: Bearer $TOKEN" http://${host}:3000/api/v1/…`,
    );
  }
  if (catcher?.web) {
    lines.push('', `  E-mails sent by the platform (development SMTP catcher, MailDev): ${catcher.web}`);
  } else if (catcher) {
    lines.push('', `  E-mails go to the SMTP server already listening on ${host}:${CATCHER.smtpPort}`);
  }
  lines.push('', 'Ctrl-C stops every service.');
  console.log(`\n${lines.join('\n')}\n`);
}

main().catch((error) => {
  complain(error?.stack ?? String(error));
  void stopAll(1);
});
