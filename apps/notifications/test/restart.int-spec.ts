import assert from 'node:assert/strict';
import { createServer, type Server, type Socket } from 'node:net';
import { describe, it } from 'node:test';
import { expectEventually, SmtpCatcher } from '@tripartite/testing';
import { SendDeliveryJob } from '../src/delivery/infrastructure/send-delivery.job';
import { cpomParties, NotificationsWorld, organisation, worldPerTest } from './support/notifications-world';
import { eventParties, samplePayloads } from './support/sample-events';

/** A TCP server that accepts connections and never says a word: an SMTP exchange stuck at the greeting. */
async function silentServer(): Promise<{ server: Server; sockets: Socket[]; port: number }> {
  const sockets: Socket[] = [];
  const server = createServer((socket) => {
    socket.on('error', () => undefined);
    sockets.push(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return { server, sockets, port: address.port };
}

async function jobCounts(world: NotificationsWorld) {
  return world.queue.queue.getJobCounts('waiting', 'active', 'delayed');
}

describe('a worker stopped or killed between queueing and sending', () => {
  const t = worldPerTest();

  it('stopped before it runs the job: the next instance sends each recipient the message once', async () => {
    t.smtp = new SmtpCatcher();
    t.world = await NotificationsWorld.start('notif_restart', { smtpPort: await t.smtp.start() });
    const { service, caisse, direccte } = cpomParties([
      'ana@ast.example',
      'cy@carsat.example',
      'dan@dreets.example',
    ]);
    await t.world.registerAll([service, caisse, direccte]);
    await expectEventually(() => assert.equal(t.smtp!.messages.length, 3));

    // The worker stops (a deployment, a crash of the worker alone); the consumer still decides.
    const first = t.world.app;
    await first.get(SendDeliveryJob).beforeApplicationShutdown();
    const parties = eventParties({
      serviceId: service.organisationId,
      caisseId: caisse.organisationId,
      direccteId: direccte.organisationId,
    });
    const event = await t.world.publish(
      'contract.review_due',
      samplePayloads(parties)['contract.review_due'],
    );
    const rows = await expectEventually(async () => {
      const current = await t.world!.deliveries(event.id);
      assert.equal(current.length, 3);
      return current;
    });
    for (const row of rows) {
      assert.equal(row.status, 'pending');
      assert.equal(row.attempts, 0);
      assert.equal(
        await (await t.world.queue.queue.getJob(row.id))?.getState(),
        'waiting',
        'queued, not taken',
      );
    }
    assert.equal(t.smtp.messages.length, 3, 'nothing sent yet');

    await t.world.stopInstance(first);
    await t.world.startInstance();
    await expectEventually(async () =>
      assert.deepEqual(
        (await t.world!.deliveries(event.id)).map((r) => r.status),
        ['sent', 'sent', 'sent'],
      ),
    );
    await t.world.sweeper.sweep();
    await expectEventually(async () =>
      assert.deepEqual(await jobCounts(t.world!), { waiting: 0, active: 0, delayed: 0 }),
    );
    for (const email of ['ana@ast.example', 'cy@carsat.example', 'dan@dreets.example']) {
      assert.equal(
        t.smtp.to(email).filter((m) => m.subject.includes('examen annuel')).length,
        1,
        `${email} once`,
      );
    }
  });

  it('killed (SIGKILL) while it talks to the mail server: after a restart the recipient gets the message once', async () => {
    t.smtp = new SmtpCatcher();
    const catcherPort = await t.smtp.start();
    // Short job locks, so that a job held by a dead process is taken again within seconds.
    t.world = await NotificationsWorld.start('notif_killed', {
      smtpPort: catcherPort,
      env: { MAIL_JOB_LOCK_MS: '1500' },
    });
    const direccte = organisation(
      [{ name: 'Dan', email: 'dan@dreets.example', receivesNotifications: true }],
      {
        type: 'DIRECCTE',
        name: 'DREETS Bretagne',
      },
    );
    await t.world.registerAll([direccte]);
    await expectEventually(() => assert.equal(t.smtp!.messages.length, 1));
    await t.world.stopInstance(t.world.app);

    // The service as `npm start` runs it, in its own process, sending to a server that never answers.
    const silent = await silentServer();
    try {
      const child = await t.world.spawnService({
        SMTP_PORT: String(silent.port),
        SMTP_TIMEOUT_MS: '120000',
      });
      const event = await t.world.publish(
        'agreement.decision_due',
        samplePayloads(eventParties({ direccteId: direccte.organisationId }))['agreement.decision_due'],
      );
      // Recorded, queued, taken by the child's worker, which now waits for the server's greeting.
      await expectEventually(() => assert.equal(silent.sockets.length, 1), { timeoutMs: 30_000 });
      const [row] = await t.world.deliveries(event.id);
      assert.equal(row.status, 'pending');
      assert.equal(row.attempts, 0);
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;

      await t.world.startInstance({ SMTP_PORT: String(catcherPort) });
      await expectEventually(
        async () => assert.equal((await t.world!.deliveries(event.id))[0]?.status, 'sent'),
        {
          timeoutMs: 30_000,
        },
      );
      await expectEventually(async () =>
        assert.deepEqual(await jobCounts(t.world!), { waiting: 0, active: 0, delayed: 0 }),
      );
      const decision = t.smtp
        .to('dan@dreets.example')
        .filter((m) => m.subject.includes('décision sur l’agrément'));
      assert.equal(decision.length, 1, 'one message, after the restart');
      assert.equal(decision[0].messageId, `<${row.id}@tripartite.local>`);
      assert.equal(silent.sockets.length, 1, 'the dead process’s one try never reached a server');
      const [sent] = await t.world.deliveries(event.id);
      assert.equal(sent.attempts, 1, 'the killed try was never recorded: it rolled back with the process');
    } finally {
      for (const socket of silent.sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.server.close(() => resolve()));
    }
  });
});
