import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { daysBetween } from '@tripartite/calendar';
import { createTestDatabase, expectEventually, sampleSum, TestProducer } from '@tripartite/testing';
import { connect } from 'amqplib';
import type { DataSource, QueryRunner } from 'typeorm';
import { startAgreements } from './support/agreements-app';
import { AgreementsClient } from './support/agreements-client';

// What people watch on a service's /metrics (platform rule, issue 10): deadlines fired and found overdue,
// messages parked, relay lag (the oldest unpublished outbox row) and consumer lag (messages waiting in
// the service's queue). Each is made to move here by what moves it in production.
describe("a service's metrics people watch (platform rule)", () => {
  let client: AgreementsClient;
  let dataSource: DataSource;
  let env: Record<string, string>;
  let producer: TestProducer;
  const closes: (() => Promise<void>)[] = [];

  before(async () => {
    // Two messages in the consumer's hands at most: the rest wait in the queue, where lag is measured.
    const started = await startAgreements('agreements_metrics', { AMQP_PREFETCH: '2' });
    closes.push(started.close);
    ({ dataSource, env } = started);
    client = new AgreementsClient(started.app, started.config, started.dataSource);
    const producerDb = await createTestDatabase('agreements_metrics_contracts');
    producer = await TestProducer.start({ ...env, DATABASE_NAME: producerDb.name }, 'contracts');
    closes.unshift(producerDb.drop);
    closes.unshift(() => producer.close());
  });
  after(async () => {
    for (const close of closes) await close();
  });

  async function scrape(name: string, labels: Record<string, string> = {}): Promise<number> {
    const response = await client.request('GET', '/metrics', null);
    assert.equal(response.statusCode, 200);
    return sampleSum((response as unknown as { body: string }).body, name, labels);
  }

  /** Holds `sql`'s lock in a transaction of its own until `release()`. */
  async function holding(sql: string): Promise<{ release: () => Promise<void> }> {
    const runner: QueryRunner = dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    await runner.query(sql);
    return {
      release: async () => {
        await runner.rollbackTransaction();
        await runner.release();
      },
    };
  }

  it('counts the deadlines fired, and those fired more than a minute after they fell due as overdue', async () => {
    const fired = await scrape('tripartite_deadlines_fired_total');
    const overdue = await scrape('tripartite_deadlines_overdue_total');
    const today = await client.today();
    const serviceId = await client.registerService('AST Compteurs');
    const filed = (await client.file(serviceId, today)).json();
    // Four months of silence pass at once: the warnings and the implicit agrément fire late, on the
    // reconciler's pass that follows the clock's move (R.4622-52).
    await client.advanceDays(daysBetween(today, filed.decisionDueOn) + 1);
    await expectEventually(async () =>
      assert.equal(
        await scrape('tripartite_deadlines_fired_total', { kind: 'agreement.decision_deadline' }),
        1,
      ),
    );
    assert.ok((await scrape('tripartite_deadlines_fired_total')) >= fired + 3);
    assert.ok((await scrape('tripartite_deadlines_overdue_total')) >= overdue + 3);
  });

  it('counts a message that can never be applied as parked', async () => {
    const parked = await scrape('tripartite_events_consumed_total', { outcome: 'parked' });
    const connection = await connect(env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672');
    try {
      const channel = await connection.createConfirmChannel();
      channel.publish(env.AMQP_EXCHANGE, 'contract.signed', Buffer.from('not an event'), {
        messageId: 'garbage',
      });
      await channel.waitForConfirms();
    } finally {
      await connection.close();
    }
    await expectEventually(async () =>
      assert.equal(await scrape('tripartite_events_consumed_total', { outcome: 'parked' }), parked + 1),
    );
  });

  it('shows the relay lag while events wait in the outbox, and none once they are published', async () => {
    // Another replica's relay holds the relay lock: nothing is published meanwhile.
    const relayLock = await holding("SELECT pg_advisory_xact_lock(hashtext('tripartite.outbox.relay'))");
    try {
      await client.registerService('AST En attente');
      await expectEventually(async () => {
        assert.ok((await scrape('tripartite_outbox_pending')) >= 1);
        assert.ok((await scrape('tripartite_outbox_relay_lag_seconds')) > 0);
      });
    } finally {
      await relayLock.release();
    }
    await expectEventually(async () => assert.equal(await scrape('tripartite_outbox_relay_lag_seconds'), 0));
  });

  it("shows the consumer lag while messages wait in the service's queue, and none once they are taken", async () => {
    assert.equal(await scrape('tripartite_consumer_lag_messages'), 0);
    // The consumer's transactions wait on the inbox: it holds its two messages, three wait in the queue.
    const inbox = await holding('LOCK TABLE inbox IN ACCESS EXCLUSIVE MODE');
    try {
      for (let version = 1; version <= 5; version++) {
        const contractId = `0190b4a4-1111-7000-8000-00000000000${version}`;
        await producer.publish(
          'contract.evaluated',
          {
            contractId,
            serviceId: contractId,
            regions: ['53'],
            evaluatedOn: await client.today(),
            summary: 'Bilan',
          },
          { aggregateId: contractId, aggregateVersion: 1, region: '53' },
        );
      }
      await expectEventually(async () => assert.equal(await scrape('tripartite_consumer_lag_messages'), 3), {
        timeoutMs: 15_000,
      });
    } finally {
      await inbox.release();
    }
    await expectEventually(async () => assert.equal(await scrape('tripartite_consumer_lag_messages'), 0), {
      timeoutMs: 15_000,
    });
  });
});
