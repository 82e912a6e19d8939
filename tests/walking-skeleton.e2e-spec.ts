import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { calendarDateAt, daysBetween } from '@tripartite/calendar';
import { loadConfig, serviceConfigSchema } from '@tripartite/config';
import {
  cleanupIsolatedEnvironment,
  createTestDatabase,
  expectEventually,
  freePort,
  isolatedEnvironment,
  SmtpCatcher,
  testToken,
} from '@tripartite/testing';

// The platform as `npm start` runs it: each service its own process (the compiled main.js), talking
// only through RabbitMQ, reached only through the gateway. A DIRECCTE agent registers a service; its
// director receives the French e-mail.

interface Running {
  name: string;
  child: ChildProcess;
  port: number;
}

const appsDir = join(__dirname, '..', 'apps');

async function waitReady(port: number): Promise<void> {
  await expectEventually(
    async () => {
      const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
      assert.equal(response.status, 200);
    },
    { timeoutMs: 30_000, intervalMs: 200 },
  );
}

describe('the walking skeleton across processes', () => {
  const smtp = new SmtpCatcher();
  const running: Running[] = [];
  const drops: (() => Promise<void>)[] = [];
  let env: Record<string, string>;
  let gatewayPort: number;

  async function start(name: string, extra: Record<string, string>): Promise<Running> {
    const port = await freePort();
    const child = spawn(process.execPath, [join(appsDir, name, 'src', 'main.js')], {
      env: { ...process.env, ...env, ...extra, HTTP_PORT: String(port), LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const service = { name, child, port };
    running.push(service);
    await waitReady(port);
    return service;
  }

  before(async () => {
    const smtpPort = await smtp.start();
    const agreementsDb = await createTestDatabase('e2e_agreements');
    const notificationsDb = await createTestDatabase('e2e_notifications');
    drops.push(agreementsDb.drop, notificationsDb.drop);
    env = isolatedEnvironment('e2e', agreementsDb.name);
    const agreements = await start('agreements', { DATABASE_NAME: agreementsDb.name });
    const notifications = await start('notifications', {
      DATABASE_NAME: notificationsDb.name,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtpPort),
      PUBLIC_BASE_URL: 'https://tripartite.test',
    });
    const gateway = await start('gateway', {
      AGREEMENTS_URL: `http://127.0.0.1:${agreements.port}`,
      NOTIFICATIONS_URL: `http://127.0.0.1:${notifications.port}`,
      GATEWAY_RATE_LIMIT_STORE: 'memory',
    });
    gatewayPort = gateway.port;
  });

  after(async () => {
    for (const { child } of running.reverse()) {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
    }
    await smtp.stop();
    await cleanupIsolatedEnvironment(env, ['agreements', 'notifications']);
    for (const drop of drops) await drop();
  });

  it('registers a service through the gateway and e-mails its director in French, once', async () => {
    const config = loadConfig(serviceConfigSchema('e2e', 0), env);
    const direccte = await testToken(config, { roles: ['direccte'], region: '53', sub: 'agent.bretagne' });
    const response = await fetch(`http://127.0.0.1:${gatewayPort}/api/v1/organisations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${direccte}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'SSTI',
        name: 'Santé au travail en Ille-et-Vilaine',
        regions: ['53'],
        siret: '73282932000074',
        service: {
          employeesFollowed: 61_000,
          memberCompanies: 5_200,
          btp: false,
          sectors: ['Rennes', 'Vitré'],
        },
        contacts: [
          {
            name: 'Anne Le Goff',
            email: 'anne.legoff@example.org',
            function: 'Directrice',
            receivesNotifications: true,
          },
          {
            name: 'Yann Morvan',
            email: 'yann.morvan@example.org',
            function: 'Comptable',
            receivesNotifications: false,
          },
        ],
      }),
    });
    assert.equal(response.status, 201, await response.clone().text());
    const organisation = (await response.json()) as { id: string };

    const message = await expectEventually(
      () => {
        assert.equal(smtp.messages.length, 1);
        return smtp.messages[0];
      },
      { timeoutMs: 20_000 },
    );
    assert.deepEqual(message.to, ['anne.legoff@example.org']);
    assert.match(message.subject, /Santé au travail en Ille-et-Vilaine est enregistrée/);
    assert.ok(message.text.includes(`https://tripartite.test/api/v1/organisations/${organisation.id}`));

    // The director reads what was sent to her organisation through the same gateway.
    const director = await testToken(config, { roles: ['sst'], region: '53', org: organisation.id });
    const list = await fetch(`http://127.0.0.1:${gatewayPort}/api/v1/notifications`, {
      headers: { authorization: `Bearer ${director}` },
    });
    assert.equal(list.status, 200);
    const body = (await list.json()) as { items: { recipient: { email: string }; status: string }[] };
    assert.deepEqual(
      body.items.map((item) => [item.recipient.email, item.status]),
      [['anne.legoff@example.org', 'sent']],
    );
  });

  it('the director files the agrément application; four months of silence later the platform grants it and tells her (R.4622-52)', async () => {
    const config = loadConfig(serviceConfigSchema('e2e', 0), env);
    const admin = await testToken(config, { roles: ['admin'] });
    const call = async (token: string, method: string, path: string, body?: unknown) => {
      const response = await fetch(`http://127.0.0.1:${gatewayPort}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      // biome-ignore lint/suspicious/noExplicitAny: the test reads a few fields of the answers.
      return { status: response.status, body: (await response.json()) as Record<string, any> };
    };
    const services = await call(admin, 'GET', '/api/v1/organisations?type=SSTI&region=53');
    const serviceId = services.body.items[0].id as string;
    const director = await testToken(config, { roles: ['sst'], region: '53', org: serviceId });
    const now = new Date((await call(admin, 'GET', '/api/v1/admin/clock')).body.now);
    const filedOn = calendarDateAt(now);
    const filed = await call(director, 'POST', '/api/v1/agreements', {
      serviceId,
      application: 'first',
      filedOn,
    });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    await expectEventually(
      () => assert.ok(smtp.to('anne.legoff@example.org').some((m) => /demande d’agrément/.test(m.subject))),
      { timeoutMs: 20_000 },
    );

    const days = daysBetween(filedOn, filed.body.decisionDueOn as string) + 1;
    assert.equal((await call(admin, 'POST', '/api/v1/admin/clock/advance', { days })).status, 200);
    const implicit = await expectEventually(
      () => {
        const found = smtp.to('anne.legoff@example.org').filter((m) => /implicite/i.test(m.subject));
        assert.equal(found.length, 1);
        return found[0];
      },
      { timeoutMs: 30_000 },
    );
    assert.ok(implicit?.text.includes(`https://tripartite.test/api/v1/agreements/${filed.body.id}`));
    const agreement = await call(director, 'GET', `/api/v1/agreements/${filed.body.id}`);
    assert.equal(agreement.body.status, 'granted');
    assert.equal(agreement.body.decision.outcome, 'implicit');
  });
});
