import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type EventCatalogue, nextVersion } from '@tripartite/events';
import { expectEventually } from '@tripartite/testing';
import { z } from 'zod';
import { DeadlinesTestWorld, inMs, reminder, reminderDue } from './support/deadlines-test-world';

/** The test event's version 2: a reminder now says how urgent it is; older ones were all routine. */
const reminderDueV2 = nextVersion(
  reminderDue,
  z.object({ note: z.string().min(1), urgency: z.enum(['routine', 'urgent']) }),
  (v1) => ({ ...v1, urgency: 'routine' as const }),
);
const upgradedCatalogue: EventCatalogue = { [reminderDueV2.type]: reminderDueV2 };

// ADR 0011: a deadline is planned with its event's version of the day; it may fire years later, after the
// event got a new version. The row keeps the version it was planned with, and firing upcasts the payload.
describe('a deadline planned before its event got a new version', () => {
  let world: DeadlinesTestWorld;

  before(async () => {
    world = await DeadlinesTestWorld.create('deadlines_event_version');
  });
  after(() => world?.dispose());

  it('keeps the version it was planned with, and fires the payload upcast to the current version', async () => {
    const before = await world.start();
    const planned = await before.dataSource.transaction((m) =>
      before.scheduler.schedule(m, reminder('agreement-versioned', inMs(before, 60_000))),
    );
    assert.equal(planned.event.version, 1, 'stored with the version the catalogue had');
    await before.close();

    // The service is upgraded: it reads version 2 of the event now, and its clock reaches the due time.
    const after = await world.start({ catalogue: upgradedCatalogue });
    await after.clockSync.advance(120_000);
    await expectEventually(async () => assert.equal((await world.outbox()).length, 1));
    const [fired] = await world.outbox();
    assert.equal(fired.version, 2);
    assert.deepEqual(fired.payload, { note: 'reminder of agreement-versioned', urgency: 'routine' });
    assert.equal((await after.scheduler.find(planned.id))?.status, 'fired');
  });
});
