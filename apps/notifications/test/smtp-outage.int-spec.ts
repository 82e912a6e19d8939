import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expectEventually, freePort, SmtpCatcher } from '@tripartite/testing';
import { NotificationsWorld, organisation, worldPerTest } from './support/notifications-world';

describe('a mail server that is down or busy, then back', () => {
  const t = worldPerTest();

  it('retries while the connection is refused, then delivers each message once when the server is up', async () => {
    const port = await freePort();
    t.world = await NotificationsWorld.start('notif_smtp_down', { smtpPort: port });
    const event = await t.world.register(
      organisation([
        { name: 'Ana', email: 'ana@down.example', receivesNotifications: true },
        { name: 'Chloé', email: 'chloe@down.example', receivesNotifications: true },
      ]),
    );

    // Nothing listens yet: every try is refused, recorded, and the deliveries stay pending.
    await expectEventually(async () => {
      const rows = await t.world!.deliveries(event.id);
      assert.equal(rows.length, 2);
      for (const row of rows) {
        assert.equal(row.status, 'pending');
        assert.ok(row.attempts >= 2, `tried at least twice (${row.attempts})`);
        assert.match(row.last_smtp_reply ?? '', /ECONNREFUSED/);
      }
    });

    t.smtp = new SmtpCatcher();
    await t.smtp.start(port);
    await expectEventually(async () => {
      const rows = await t.world!.deliveries(event.id);
      assert.deepEqual(
        rows.map((r) => r.status),
        ['sent', 'sent'],
      );
    });
    await expectEventually(async () => {
      const counts = await t.world!.queue.queue.getJobCounts('waiting', 'active', 'delayed');
      assert.deepEqual(counts, { waiting: 0, active: 0, delayed: 0 });
    });
    assert.equal(t.smtp.to('ana@down.example').length, 1);
    assert.equal(t.smtp.to('chloe@down.example').length, 1);
    assert.equal(t.smtp.messages.length, 2);
  });

  it('retries a 4xx reply (RFC 5321 §4.2.1: transient) and delivers the message once it is accepted', async () => {
    t.smtp = new SmtpCatcher({
      refuse: (_address, tryNumber) =>
        tryNumber <= 2 ? { code: 451, message: '4.3.0 Mailbox busy, try again later' } : undefined,
    });
    t.world = await NotificationsWorld.start('notif_smtp_busy', { smtpPort: await t.smtp.start() });
    const event = await t.world.register(
      organisation([{ name: 'Ana', email: 'ana@busy.example', receivesNotifications: true }]),
    );

    await expectEventually(async () =>
      assert.equal((await t.world!.deliveries(event.id))[0]?.status, 'sent'),
    );
    const [row] = await t.world.deliveries(event.id);
    assert.equal(row.attempts, 3, 'two refusals, then the try that was accepted');
    assert.match(row.last_smtp_reply ?? '', /^250 /);
    assert.equal(t.smtp.tries.get('ana@busy.example'), 3);
    assert.equal(t.smtp.to('ana@busy.example').length, 1);
    assert.equal(await t.world.metric('tripartite_emails_retried_total', { reason: 'refused_for_now' }), 2);
    assert.equal(await t.world.metric('tripartite_emails_sent_total'), 1);
    assert.equal(await t.world.metric('tripartite_emails_failed_total'), 0);
  });

  it('sends a delivery whose job Redis lost, once, when the sweep queues the pending rows again', async () => {
    const port = await freePort();
    t.world = await NotificationsWorld.start('notif_sweep', { smtpPort: port });
    const event = await t.world.register(
      organisation([{ name: 'Ana', email: 'ana@lost.example', receivesNotifications: true }]),
    );
    await expectEventually(async () =>
      assert.ok(((await t.world!.deliveries(event.id))[0]?.attempts ?? 0) >= 1),
    );

    // Redis loses everything (only this file's keys): the job and its retries are gone.
    await t.world.flushRedisPrefix();
    t.smtp = new SmtpCatcher();
    await t.smtp.start(port);
    assert.equal(await t.world.queue.queue.getJob((await t.world.deliveries(event.id))[0].id), undefined);

    await t.world.sweeper.sweep();
    await t.world.sweeper.sweep();
    await expectEventually(async () =>
      assert.equal((await t.world!.deliveries(event.id))[0]?.status, 'sent'),
    );
    await expectEventually(async () => {
      const counts = await t.world!.queue.queue.getJobCounts('waiting', 'active', 'delayed');
      assert.deepEqual(counts, { waiting: 0, active: 0, delayed: 0 });
    });
    assert.equal(t.smtp.to('ana@lost.example').length, 1);
  });
});
