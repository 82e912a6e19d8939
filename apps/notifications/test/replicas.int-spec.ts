import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import type { EventEnvelope } from '@tripartite/events';
import { expectEventually, freePort, SmtpCatcher } from '@tripartite/testing';
import { DeliverySweeper } from '../src/delivery/application/delivery.sweeper';
import { SendDeliveryJob } from '../src/delivery/infrastructure/send-delivery.job';
import { cpomParties, NotificationsWorld, worldPerTest } from './support/notifications-world';
import { eventParties, samplePayloads } from './support/sample-events';

const CONTACTS = ['ana@ast.example', 'cy@carsat.example', 'dan@dreets.example'] as const;

/** Counts the send jobs an instance runs, to see that both replicas took part. */
function countJobs(job: SendDeliveryJob): { count: number } {
  const counter = { count: 0 };
  const process = job.process.bind(job);
  job.process = (j) => {
    counter.count += 1;
    return process(j);
  };
  return counter;
}

describe('two replicas of the service on the same database, queue and Redis', () => {
  const t = worldPerTest();

  /** Publishes `n` CPOM events of the three parties (each twice on the wire); answers them. */
  async function publishCpomEvents(w: NotificationsWorld, n: number): Promise<EventEnvelope[]> {
    const { service, caisse, direccte } = cpomParties(CONTACTS, { name: 'AST 35' });
    await w.registerAll([service, caisse, direccte]);
    const events: EventEnvelope[] = [];
    for (let i = 0; i < n; i++) {
      const payloads = samplePayloads(
        eventParties({
          serviceId: service.organisationId,
          caisseId: caisse.organisationId,
          direccteId: direccte.organisationId,
          contractId: randomUUID(),
        }),
      );
      const event = await w.publish('contract.review_due', payloads['contract.review_due']);
      events.push(event);
      // Redelivered (a relay that crashed before marking it sent): the replicas may both receive it.
      await w.publishRaw(event);
    }
    return events;
  }

  async function assertOncePerEventAndRecipient(
    w: NotificationsWorld,
    catcher: SmtpCatcher,
    events: EventEnvelope[],
    sweepers: DeliverySweeper[],
  ) {
    await expectEventually(
      async () => {
        for (const event of events) {
          const rows = await w.deliveries(event.id);
          assert.equal(rows.length, 3);
          assert.ok(rows.every((r) => r.status === 'sent'));
        }
      },
      { timeoutMs: 60_000, intervalMs: 200 },
    );
    // Both sweep at once: each pending delivery is queued once, and nothing sent is queued at all.
    await Promise.all(sweepers.map((sweeper) => sweeper.sweep()));
    await expectEventually(async () => {
      const counts = await w.queue.queue.getJobCounts('waiting', 'active', 'delayed');
      assert.deepEqual(counts, { waiting: 0, active: 0, delayed: 0 });
    });
    for (const event of events) {
      for (const row of await w.deliveries(event.id)) {
        const caught = catcher.messages.filter((m) => m.messageId === `<${row.id}@tripartite.local>`);
        assert.equal(caught.length, 1, `${row.recipient_email} received ${event.id} once`);
      }
    }
    for (const email of CONTACTS) {
      const reviews = catcher.to(email).filter((m) => m.subject.includes('examen annuel'));
      assert.equal(reviews.length, events.length, `${email}: one message per event`);
    }
  }

  it('consume and send side by side: one message per (event, recipient)', async () => {
    t.smtp = new SmtpCatcher();
    t.world = await NotificationsWorld.start('notif_replicas', { smtpPort: await t.smtp.start() });
    const second = await t.world.startInstance();
    const ranByFirst = countJobs(t.world.app.get(SendDeliveryJob));
    const ranBySecond = countJobs(second.get(SendDeliveryJob));

    const events = await publishCpomEvents(t.world, 12);
    await assertOncePerEventAndRecipient(t.world, t.smtp, events, [
      t.world.sweeper,
      second.get(DeliverySweeper),
    ]);
    assert.equal(t.smtp.messages.length, 3 + 12 * 3, 'three registrations, then 12 events to 3 parties');
    assert.ok(ranByFirst.count + ranBySecond.count >= 36, 'every delivery went through a worker');
  });

  it('with the mail server down, then up: each recipient receives each message once', async () => {
    const port = await freePort();
    t.world = await NotificationsWorld.start('notif_replicas_down', { smtpPort: port });
    const second = await t.world.startInstance();

    const events = await publishCpomEvents(t.world, 4);
    await expectEventually(
      async () => {
        for (const event of events) {
          const rows = await t.world!.deliveries(event.id);
          assert.equal(rows.length, 3);
          for (const row of rows) {
            assert.equal(row.status, 'pending');
            assert.ok(row.attempts >= 1, 'tried while the server was down');
            assert.match(row.last_smtp_reply ?? '', /ECONNREFUSED/);
          }
        }
      },
      { timeoutMs: 30_000 },
    );

    t.smtp = new SmtpCatcher();
    await t.smtp.start(port);
    await assertOncePerEventAndRecipient(t.world, t.smtp, events, [
      t.world.sweeper,
      second.get(DeliverySweeper),
    ]);
    for (const email of CONTACTS) {
      assert.equal(t.smtp.to(email).length, 1 + events.length, `${email}: its registration, then each event`);
    }
  });
});
