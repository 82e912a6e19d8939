// First: tracing (in memory) before the modules it instruments are loaded.
import '@tripartite/testing/in-memory-tracing';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig, type PlatformConfig } from '@tripartite/config';
import { createServiceApp } from '@tripartite/http';
import { connectEventTransport } from '@tripartite/messaging';
import {
  cleanupIsolatedEnvironment,
  createTestDatabase,
  expectEventually,
  isolatedEnvironment,
  SmtpCatcher,
  testToken,
} from '@tripartite/testing';
import { finishedSpans, spansOfTrace } from '@tripartite/testing/in-memory-tracing';
import { DataSource } from 'typeorm';
import { agreementsConfigSchema } from '../apps/agreements/src/agreements.config';
import { AgreementsModule } from '../apps/agreements/src/agreements.module';
import { siretWithKey } from '../apps/agreements/src/organisation/domain/siret.rule';
import { createGatewayApp } from '../apps/gateway/src/gateway.app';
import { gatewayConfigSchema } from '../apps/gateway/src/gateway.config';
import {
  type NotificationsConfig,
  notificationsConfigSchema,
} from '../apps/notifications/src/notifications.config';
import { NotificationsModule } from '../apps/notifications/src/notifications.module';

// "Why did this director get this e-mail?" One trace answers it: a command comes in through the gateway
// with a W3C traceparent, the agreements service writes its event to the outbox with it, the relay
// publishes it in the AMQP headers, the notifications service consumes it, queues the send on BullMQ, and
// the SMTP send to the real (test) mail server is a span of that same trace. ADR 0013.

/** A service as main.ts builds it (HTTP and its RabbitMQ consumer), in this process. */
async function startService(
  module: Parameters<typeof createServiceApp>[0]['module'],
  config: PlatformConfig,
): Promise<NestFastifyApplication> {
  return createServiceApp({
    module,
    config,
    openApi: { title: `${config.SERVICE_NAME} (test)`, description: 'under test' },
    configure: async (nest) => {
      connectEventTransport(nest);
      await nest.startAllMicroservices();
    },
  });
}

/** Listens on a free loopback port; answers the base URL. */
async function listen(app: NestFastifyApplication): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return (await app.getUrl()).replace('[::1]', '127.0.0.1');
}

describe('one trace from a request to its e-mail (ADR 0013)', () => {
  const smtp = new SmtpCatcher();
  const apps: NestFastifyApplication[] = [];
  const drops: (() => Promise<void>)[] = [];
  let env: Record<string, string>;
  let gatewayUrl: string;
  let agreementsData: DataSource;
  let notifications: NestFastifyApplication;
  let notificationsConfig: NotificationsConfig;

  before(async () => {
    const smtpPort = await smtp.start();
    const agreementsDb = await createTestDatabase('trace_agreements');
    const notificationsDb = await createTestDatabase('trace_notifications');
    drops.push(agreementsDb.drop, notificationsDb.drop);
    env = isolatedEnvironment('trace', agreementsDb.name);

    const agreementsConfig = loadConfig(agreementsConfigSchema, env);
    const agreements = await startService(AgreementsModule.forRoot(agreementsConfig), agreementsConfig);
    apps.push(agreements);
    agreementsData = agreements.get(DataSource);

    notificationsConfig = loadConfig(notificationsConfigSchema, {
      ...env,
      DATABASE_NAME: notificationsDb.name,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtpPort),
      PUBLIC_BASE_URL: 'https://tripartite.test',
    });
    // A pool of two: one consumer transaction at a time, so the backlog is applied in batches.
    const oneAtATime = { ...notificationsConfig, DATABASE_POOL_SIZE: 2 };
    notifications = await startService(NotificationsModule.forRoot(oneAtATime), oneAtATime);
    apps.push(notifications);

    const gateway = await createGatewayApp(
      loadConfig(gatewayConfigSchema, {
        ...env,
        AGREEMENTS_URL: await listen(agreements),
        NOTIFICATIONS_URL: await listen(notifications),
        GATEWAY_RATE_LIMIT_STORE: 'memory',
      }),
    );
    apps.push(gateway);
    gatewayUrl = await listen(gateway);
  });

  after(async () => {
    for (const app of apps.reverse()) await app.close();
    await smtp.stop();
    await cleanupIsolatedEnvironment(env, ['agreements', 'notifications']);
    for (const drop of drops) await drop();
  });

  let registered = 0;
  /** A new trace id, as a caller's tracing library would make one. */
  const newTraceId = () => randomBytes(16).toString('hex');

  /** A DIRECCTE agent registers a service through the gateway, in the caller's trace `traceId`; answers its id. */
  async function register(traceId: string, name: string, director: string): Promise<string> {
    const direccte = await testToken(loadConfig(agreementsConfigSchema, env), {
      roles: ['direccte'],
      region: '53',
    });
    const response = await fetch(`${gatewayUrl}/api/v1/organisations`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${direccte}`,
        'content-type': 'application/json',
        traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01`,
      },
      body: JSON.stringify({
        type: 'SSTI',
        name,
        regions: ['53'],
        siret: siretWithKey(`41234${String(++registered).padStart(8, '0')}`),
        service: { employeesFollowed: 30_000, memberCompanies: 2_400, btp: false, sectors: ['Vannes'] },
        contacts: [
          { name: 'Direction', email: director, function: 'Directrice', receivesNotifications: true },
        ],
      }),
    });
    assert.equal(response.status, 201, await response.clone().text());
    return ((await response.json()) as { id: string }).id;
  }

  /** The finished SMTP send span of the e-mail to `address`. */
  function sendSpanTo(address: string) {
    return expectEventually(
      () => {
        const found = finishedSpans
          .getFinishedSpans()
          .find((span) => span.name === 'smtp send' && span.attributes['email.to'] === address);
        assert.ok(found, `no SMTP send span for ${address}`);
        return found;
      },
      { timeoutMs: 20_000 },
    );
  }

  it("the e-mail's SMTP send span has the trace id of the command's request", async () => {
    const traceId = newTraceId();
    const id = await register(traceId, 'Santé au travail du Morbihan', 'gaelle.riou@example.org');

    // The event waited in the outbox with the request's trace context.
    const [row] = await agreementsData.query('SELECT trace_context FROM outbox WHERE aggregate_id = $1', [
      id,
    ]);
    assert.match(row.trace_context.traceparent, new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));

    await expectEventually(() => assert.equal(smtp.to('gaelle.riou@example.org').length, 1), {
      timeoutMs: 20_000,
    });
    const send = await sendSpanTo('gaelle.riou@example.org');
    assert.equal(send.spanContext().traceId, traceId);

    // The steps in between are in it too: the relay's publish, the consumer, the send job (parent of the
    // SMTP span; it ends once the delivery is recorded sent).
    const job = await expectEventually(() => {
      const found = spansOfTrace(traceId).find((span) => span.name === 'process notifications-send');
      assert.ok(found, 'the send job has not finished');
      return found;
    });
    assert.equal(send.parentSpanContext?.spanId, job.spanContext().spanId);
    const trace = spansOfTrace(traceId);
    const [event] = await agreementsData.query('SELECT id FROM outbox WHERE aggregate_id = $1', [id]);
    const consumed = trace.find((span) => span.name === 'process organisation.registered');
    assert.equal(consumed?.attributes['messaging.message.id'], event.id);
    assert.ok(
      trace.some((span) => span.name.startsWith('publish ')),
      'the relay published in the trace',
    );
  });

  it('e-mails decided in one consumer transaction each stay in the trace of their own request', async () => {
    // The notifications service is away while six services are registered: their events wait in its
    // queue and reach the next instance in one burst, several to a transaction (ADR 0010).
    await notifications.close();
    apps.splice(apps.indexOf(notifications), 1);
    const directors = Array.from({ length: 6 }, (_, i) => ({
      traceId: newTraceId(),
      address: `direction.${i}@example.org`,
    }));
    const services: string[] = [];
    for (const [i, { traceId, address }] of directors.entries()) {
      services.push(await register(traceId, `Service de santé au travail n°${i}`, address));
    }
    await expectEventually(async () => {
      const [{ n }] = await agreementsData.query(
        'SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL',
      );
      assert.equal(n, 0);
    });
    // A pool of two: one consumer transaction at a time, so the backlog is applied in batches.
    const oneAtATime = { ...notificationsConfig, DATABASE_POOL_SIZE: 2 };
    notifications = await startService(NotificationsModule.forRoot(oneAtATime), oneAtATime);
    apps.push(notifications);

    for (const { traceId, address } of directors) {
      assert.equal((await sendSpanTo(address)).spanContext().traceId, traceId, address);
    }
    // xmin names the transaction that inserted a row: the inbox recorded the events several at a time.
    const events: { id: string }[] = await agreementsData.query(
      'SELECT id FROM outbox WHERE aggregate_id = ANY($1)',
      [services],
    );
    const [{ n: transactions }] = await notifications
      .get(DataSource)
      .query('SELECT count(DISTINCT xmin::text)::int AS n FROM inbox WHERE event_id = ANY($1)', [
        events.map((e) => e.id),
      ]);
    assert.ok(transactions < directors.length, `several events shared a transaction (${transactions} for 6)`);
  });
});
