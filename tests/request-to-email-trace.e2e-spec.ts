// First: tracing (in memory) before the modules it instruments are loaded.
import './support/in-memory-tracing';
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
import { DataSource } from 'typeorm';
import { agreementsConfigSchema } from '../apps/agreements/src/agreements.config';
import { AgreementsModule } from '../apps/agreements/src/agreements.module';
import { createGatewayApp } from '../apps/gateway/src/gateway.app';
import { gatewayConfigSchema } from '../apps/gateway/src/gateway.config';
import { notificationsConfigSchema } from '../apps/notifications/src/notifications.config';
import { NotificationsModule } from '../apps/notifications/src/notifications.module';
import { finishedSpans, spansOfTrace } from './support/in-memory-tracing';

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

    const notificationsConfig = loadConfig(notificationsConfigSchema, {
      ...env,
      DATABASE_NAME: notificationsDb.name,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtpPort),
      PUBLIC_BASE_URL: 'https://tripartite.test',
    });
    const notifications = await startService(
      NotificationsModule.forRoot(notificationsConfig),
      notificationsConfig,
    );
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

  it("the e-mail's SMTP send span has the trace id of the command's request", async () => {
    const traceId = randomBytes(16).toString('hex');
    const callerSpanId = randomBytes(8).toString('hex');
    const config = loadConfig(agreementsConfigSchema, env);
    const direccte = await testToken(config, { roles: ['direccte'], region: '53' });
    const response = await fetch(`${gatewayUrl}/api/v1/organisations`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${direccte}`,
        'content-type': 'application/json',
        traceparent: `00-${traceId}-${callerSpanId}-01`,
      },
      body: JSON.stringify({
        type: 'SSTI',
        name: 'Santé au travail du Morbihan',
        regions: ['53'],
        siret: '73282932000074',
        service: { employeesFollowed: 30_000, memberCompanies: 2_400, btp: false, sectors: ['Vannes'] },
        contacts: [
          {
            name: 'Gaëlle Riou',
            email: 'gaelle.riou@example.org',
            function: 'Directrice',
            receivesNotifications: true,
          },
        ],
      }),
    });
    assert.equal(response.status, 201, await response.clone().text());
    const { id } = (await response.json()) as { id: string };

    // The event waited in the outbox with the request's trace context.
    const [row] = await agreementsData.query('SELECT trace_context FROM outbox WHERE aggregate_id = $1', [
      id,
    ]);
    assert.match(row.trace_context.traceparent, new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));

    await expectEventually(() => assert.equal(smtp.to('gaelle.riou@example.org').length, 1), {
      timeoutMs: 20_000,
    });
    const send = await expectEventually(() => {
      const found = finishedSpans
        .getFinishedSpans()
        .find(
          (span) => span.name === 'smtp send' && span.attributes['email.to'] === 'gaelle.riou@example.org',
        );
      assert.ok(found, 'no SMTP send span for the director');
      return found;
    });
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
});
