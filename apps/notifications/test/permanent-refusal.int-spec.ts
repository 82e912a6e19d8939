import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectEventually, SmtpCatcher } from '@tripartite/testing';
import { NotificationsWorld, organisation } from './support/notifications-world';

describe('a mail server that refuses a recipient for good', () => {
  const smtp = new SmtpCatcher({
    refuse: (address) =>
      address.startsWith('gone@') ? { code: 550, message: '5.1.1 Mailbox unavailable' } : undefined,
  });
  let world: NotificationsWorld;

  before(async () => {
    world = await NotificationsWorld.start('notif_refused', { smtpPort: await smtp.start() });
  });
  after(async () => {
    await world?.dispose();
    await smtp.stop();
  });

  it('records a 5xx reply as failed with the reply and does not retry it (RFC 5321 §4.2.1: permanent)', async () => {
    const event = await world.register(
      organisation([
        { name: 'Ana', email: 'ana@refused.example', receivesNotifications: true },
        { name: 'Gaston', email: 'gone@refused.example', receivesNotifications: true },
      ]),
    );

    await expectEventually(async () => {
      const rows = await world.deliveries(event.id);
      assert.deepEqual(
        rows.map((r) => [r.recipient_email, r.status]),
        [
          ['ana@refused.example', 'sent'],
          ['gone@refused.example', 'failed'],
        ],
      );
    });
    const failed = (await world.deliveries(event.id))[1];
    assert.equal(failed.attempts, 1);
    assert.equal(failed.last_smtp_reply, '550 5.1.1 Mailbox unavailable');
    assert.ok(failed.failed_at instanceof Date);

    // No job left to retry it, and the sweep leaves failed deliveries alone.
    await expectEventually(async () => {
      const counts = await world.queue.queue.getJobCounts('waiting', 'active', 'delayed');
      assert.deepEqual(counts, { waiting: 0, active: 0, delayed: 0 });
    });
    assert.equal(await world.sweeper.sweep(), 0, 'nothing pending to queue again');
    const marker = await world.register(
      organisation([{ name: 'Marc', email: 'marker@refused.example', receivesNotifications: true }]),
    );
    await expectEventually(async () => assert.equal((await world.deliveries(marker.id))[0]?.status, 'sent'));

    assert.equal(smtp.tries.get('gone@refused.example'), 1, 'the refused recipient was tried once');
    assert.equal(smtp.to('gone@refused.example').length, 0);
    assert.equal(smtp.to('ana@refused.example').length, 1, 'the other recipient is not held back');
    const [stillFailed] = (await world.deliveries(event.id)).filter((r) => r.status === 'failed');
    assert.equal(stillFailed.attempts, 1);

    // What people watch: two sent (Ana, the marker), one failed for good, nothing to try again.
    assert.equal(await world.metric('tripartite_emails_sent_total'), 2);
    assert.equal(await world.metric('tripartite_emails_failed_total'), 1);
    assert.equal(await world.metric('tripartite_emails_retried_total'), 0);
  });
});
