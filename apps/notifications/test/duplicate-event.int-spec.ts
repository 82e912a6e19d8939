import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { EventEnvelope } from '@tripartite/events';
import { expectEventually, SmtpCatcher } from '@tripartite/testing';
import { RecordDeliveriesHandler } from '../src/delivery/application/record-deliveries.handler';
import { mimeParts } from './support/mime-parts';
import { cpomParties, NotificationsWorld, organisation } from './support/notifications-world';
import { eventParties, samplePayloads } from './support/sample-events';

describe('the same organisation.registered delivered twice', () => {
  const smtp = new SmtpCatcher();
  let world: NotificationsWorld;

  before(async () => {
    world = await NotificationsWorld.start('notif_duplicate', { smtpPort: await smtp.start() });
  });
  after(async () => {
    await world?.dispose();
    await smtp.stop();
  });

  /**
   * The event redelivered twice by the broker (or republished by a relay that crashed before marking it sent),
   * then decided on a second time with the same contacts: the unique (event, recipient) pair records nothing.
   */
  async function redeliverAndDecideAgain(event: EventEnvelope): Promise<void> {
    await world.publishRaw(event);
    await world.publishRaw(event);
    await world.dataSource.query('DELETE FROM notified_events WHERE event_id = $1', [event.id]);
    const again = await world.dataSource.transaction((manager) =>
      world.app.get(RecordDeliveriesHandler).record(manager, event),
    );
    assert.deepEqual(again, { kind: 'recorded', deliveryIds: [] });
  }

  /** Registers an organisation whose one contact marks a point in time, and waits until every job is done. */
  async function sendMarker(email: string): Promise<void> {
    await world.register(organisation([{ name: 'Marc', email, receivesNotifications: true }]));
    await expectEventually(() => assert.equal(smtp.to(email).length, 1));
    await expectEventually(async () => {
      const counts = await world.queue.queue.getJobCounts('waiting', 'active', 'delayed');
      assert.deepEqual(counts, { waiting: 0, active: 0, delayed: 0 });
    });
  }

  it('sends each recipient one message: the inbox drops redeliveries, the delivery log a second decision', async () => {
    const registered = organisation([
      { name: 'Ana Martin', email: 'ana@sto.example', receivesNotifications: true },
      { name: 'Chloé Leroy', email: 'chloe@sto.example', receivesNotifications: true },
    ]);
    const event = await world.register(registered);
    await expectEventually(() => assert.equal(smtp.messages.length, 2));

    await redeliverAndDecideAgain(event);

    // A later event marks the point past which every earlier message would have been sent.
    await sendMarker('marker@elsewhere.example');
    assert.equal(smtp.to('ana@sto.example').length, 1);
    assert.equal(smtp.to('chloe@sto.example').length, 1);
    const rows = await world.deliveries(event.id);
    assert.deepEqual(
      rows.map((r) => [r.recipient_email, r.status, r.attempts]),
      [
        ['ana@sto.example', 'sent', 1],
        ['chloe@sto.example', 'sent', 1],
      ],
    );
  });

  it('replayed after the inbox forgot it (a directory rebuild), it tells nobody, not even a contact added since', async () => {
    const registered = organisation([
      { name: 'Ana', email: 'ana@replay.example', receivesNotifications: true },
    ]);
    const event = await world.register(registered);
    await expectEventually(() => assert.equal(smtp.to('ana@replay.example').length, 1));
    const updated = await world.producer.publish(
      'organisation.updated',
      {
        ...registered,
        contacts: [
          ...registered.contacts,
          { name: 'Nina', email: 'newcomer@replay.example', function: null, receivesNotifications: true },
        ],
      },
      { aggregateId: registered.organisationId, aggregateVersion: 2 },
    );
    await expectEventually(async () => assert.ok(await world.applied(updated.id)));

    await world.dataSource.query('DELETE FROM inbox WHERE event_id = $1', [event.id]);
    await world.publishRaw(event);
    await expectEventually(async () => assert.ok(await world.applied(event.id), 'the replay was applied'));

    await sendMarker('second-marker@elsewhere.example');
    assert.equal(smtp.to('ana@replay.example').length, 1);
    assert.equal(
      smtp.to('newcomer@replay.example').length,
      0,
      'the newcomer was not a recipient of that event',
    );
    assert.equal((await world.deliveries(event.id)).length, 1);
  });

  it('does not send a delivery again when its job is queued again after it was sent', async () => {
    const [sent] = await world.deliveries();
    await world.queue.enqueue([sent.id]);
    await world.queue.enqueue([sent.id]);
    await world.sweeper.sweep();
    const marker = organisation([
      { name: 'Zoé', email: 'second-marker@elsewhere.example', receivesNotifications: true },
    ]);
    await world.register(marker);
    await expectEventually(() => assert.equal(smtp.to('second-marker@elsewhere.example').length, 1));
    await expectEventually(async () => {
      const counts = await world.queue.queue.getJobCounts('waiting', 'active', 'delayed');
      assert.deepEqual(counts, { waiting: 0, active: 0, delayed: 0 });
    });
    assert.equal(smtp.to(sent.recipient_email).length, 1, 'a job whose delivery is sent does nothing');
  });

  it('a CPOM review reminder delivered twice: each of the three parties gets one message and one .ics', async () => {
    const { service, caisse, direccte } = cpomParties([
      'ana@review.example',
      'cy@review.example',
      'dan@review.example',
    ]);
    await world.registerAll([service, caisse, direccte]);
    const parties = eventParties({
      serviceId: service.organisationId,
      caisseId: caisse.organisationId,
      direccteId: direccte.organisationId,
    });
    const event = await world.publish('contract.review_due', samplePayloads(parties)['contract.review_due']);
    await expectEventually(async () => assert.equal((await world.deliveries(event.id)).length, 3));
    await redeliverAndDecideAgain(event);

    await sendMarker('third-marker@elsewhere.example');
    for (const email of ['ana@review.example', 'cy@review.example', 'dan@review.example']) {
      const reviews = smtp.to(email).filter((m) => m.subject.includes('examen annuel'));
      assert.equal(reviews.length, 1, `${email} once`);
      const ics = mimeParts(reviews[0].raw).filter((p) => p.filename === 'examen-annuel-cpom.ics');
      assert.equal(ics.length, 1, `${email}: one calendar file`);
    }
  });
});
