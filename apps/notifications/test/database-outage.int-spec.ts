import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { expectEventually, SmtpCatcher, TcpProxy } from '@tripartite/testing';
import { NotificationsWorld, organisation } from './support/notifications-world';

/**
 * Issue 10: a PostgreSQL restart between the mail server's 250 and the recording of the delivery sent
 * the message twice. The service here reaches PostgreSQL through a proxy the test cuts while the mail
 * server is being given the message: the send succeeds, the recording cannot.
 */
describe('the database lost between the mail server’s acceptance and the recording', () => {
  let world: NotificationsWorld | undefined;
  let smtp: SmtpCatcher | undefined;
  let proxy: TcpProxy | undefined;

  afterEach(async () => {
    await world?.dispose();
    await smtp?.stop();
    await proxy?.stop();
    world = smtp = proxy = undefined;
  });

  /**
   * A world whose service talks to PostgreSQL through `proxy`, and a mail server that cuts the proxy when
   * the first recipient is given (RCPT TO), then takes the message (250): the row was locked before, and
   * the recording after the 250 meets a dead connection.
   */
  async function start(label: string, env: Record<string, string> = {}) {
    const cutter = new TcpProxy('127.0.0.1', 5432);
    proxy = cutter;
    let cut = false;
    smtp = new SmtpCatcher({
      refuse: () => {
        if (!cut) {
          cut = true;
          void cutter.cut();
        }
        return undefined;
      },
    });
    world = await NotificationsWorld.start(label, { smtpPort: await smtp.start(), env, app: false });
    const database = new URL(world.config.DATABASE_URL);
    database.port = String(await cutter.start());
    await world.startInstance({ DATABASE_URL: database.toString() });
    return world;
  }

  async function deliveryOf(w: NotificationsWorld, eventId: string) {
    return expectEventually(async () => {
      const [row] = await w.deliveries(eventId);
      assert.ok(row, 'recorded');
      return row;
    });
  }

  it('records an e-mail the server took without sending it again once the database is back (issue 10)', async () => {
    const w = await start('notif_pg_cut');
    const event = await w.register(
      organisation([{ name: 'Ana', email: 'ana@pgcut.example', receivesNotifications: true }]),
    );
    const { id } = await deliveryOf(w, event.id);

    // Taken by the server, not recorded: the acceptance waits in Redis; the next tries fail to connect.
    await expectEventually(async () => {
      const retried = (reason: string) => w.metricInRegistry('tripartite_emails_retried_total', { reason });
      assert.equal(await retried('not_recorded'), 1);
      assert.ok((await retried('error')) >= 1);
    });
    assert.equal(smtp?.messages.length, 1);
    const kept = await w.redis.get(`${w.config.REDIS_PREFIX}:notifications-accepted:${id}`);
    assert.match(kept ?? '', /Queued as C1/);
    assert.equal((await w.deliveries(event.id))[0].status, 'pending', 'the database does not know yet');

    await proxy?.restore();
    await expectEventually(async () => assert.equal((await w.deliveries(event.id))[0].status, 'sent'), {
      timeoutMs: 30_000,
    });
    const [row] = await w.deliveries(event.id);
    assert.match(row.last_smtp_reply ?? '', /^250 .*Queued as C1/, 'the reply of the one acceptance');
    assert.equal(row.attempts, 1);
    assert.equal(smtp?.messages.length, 1, 'the mail server received it once');
    assert.equal(smtp?.tries.get('ana@pgcut.example'), 1);
    assert.equal(await w.metric('tripartite_emails_sent_total'), 1);
    assert.equal(await w.metric('tripartite_emails_retried_total', { reason: 'not_recorded' }), 1);
    await expectEventually(async () =>
      assert.equal(await w.redis.exists(`${w.config.REDIS_PREFIX}:notifications-accepted:${id}`), 0),
    );
  });

  it('still sends it once when the job’s tries ran out while the database was away: the sweep’s new job records it', async () => {
    const w = await start('notif_pg_cut_sweep', { MAIL_RETRY_ATTEMPTS: '2' });
    const event = await w.register(
      organisation([{ name: 'Ana', email: 'ana@pgsweep.example', receivesNotifications: true }]),
    );
    const { id } = await deliveryOf(w, event.id);
    await expectEventually(async () => {
      assert.equal(await w.metricInRegistry('tripartite_emails_retried_total'), 2, 'both tries failed');
      assert.equal(await w.queue.queue.getJob(id), undefined, 'the job is gone');
    });

    await proxy?.restore();
    await expectEventually(async () => assert.equal(await w.sweeper.sweep(), 1), { timeoutMs: 30_000 });
    await expectEventually(async () => assert.equal((await w.deliveries(event.id))[0].status, 'sent'));
    assert.equal(smtp?.messages.length, 1, 'the mail server received it once');
    assert.equal(smtp?.tries.get('ana@pgsweep.example'), 1);
  });
});
