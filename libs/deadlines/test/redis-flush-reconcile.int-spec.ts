import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectEventually } from '@tripartite/testing';
import { DAY_MS, DeadlinesTestWorld, inMs, type Replica, reminder } from './support/deadlines-test-world';

// Issue 3, faults: "Redis FLUSHALL with pending deadlines → all fire, each once, after the reconciler runs".
// The flush deletes every key of this test's Redis prefix, which is what FLUSHALL does to this test's
// world; a real FLUSHALL would also wipe the test files running in parallel on the same Redis.
describe('Redis loses every timer (FLUSHALL)', () => {
  let world: DeadlinesTestWorld;
  let replica: Replica;

  before(async () => {
    world = await DeadlinesTestWorld.create('deadlines_flushall');
    replica = await world.start();
  });
  after(() => world?.dispose());

  it('brings every timer back on the next reconciliation, and every deadline then fires once', async () => {
    const soon = [];
    const later = [];
    for (let i = 0; i < 10; i++) {
      soon.push(
        await replica.dataSource.transaction((m) =>
          replica.scheduler.schedule(m, reminder(`agreement-soon-${i}`, inMs(replica, 1_500 + i * 50))),
        ),
      );
      later.push(
        await replica.dataSource.transaction((m) =>
          replica.scheduler.schedule(m, reminder(`agreement-later-${i}`, inMs(replica, 30 * DAY_MS + i))),
        ),
      );
    }
    const all = [...soon, ...later];
    assert.equal(await replica.timers.queue.getDelayedCount(), 20);

    assert.ok((await world.flushPrefix()) > 0);
    for (const d of all) assert.equal((await replica.timers.inspect(d.id)).state, 'missing');

    const report = await replica.reconciler.reconcile();
    assert.equal(report.timersCreated, 20);
    for (const d of all)
      assert.equal((await replica.timers.inspect(d.id)).state, 'delayed', `timer of ${d.subjectId}`);

    // The soon ones fire through their restored timers, the later ones when time reaches them.
    await expectEventually(async () => assert.equal((await world.outbox()).length, 10));
    await replica.clockSync.advance(31 * DAY_MS);
    await expectEventually(async () => assert.equal((await replica.scheduler.listPending()).length, 0));

    const events = await world.outbox();
    assert.equal(events.length, 20);
    assert.deepEqual(
      events.map((e) => e.aggregateId).sort(),
      all.map((d) => d.subjectId).sort(),
      'each deadline published its event once',
    );
  });
});
