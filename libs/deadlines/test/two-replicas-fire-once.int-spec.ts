import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expectEventually } from '@tripartite/testing';
import { DAY_MS, inMs, reminder, withDeadlinesTestWorld } from './support/deadlines-test-world';

// Issue 3, faults: "Two replicas of one service running the relay and the reconciler together → each
// deadline fired once". Two Nest applications on the same database and Redis prefix, as two pods.
describe('two replicas running the worker and the reconciler together', () => {
  const setup = withDeadlinesTestWorld('deadlines_two_replicas', [{}, {}]);

  it('fire each deadline once, whether its timer or a reconciler fires it', async () => {
    const { world } = setup;
    const [a, b] = setup.replicas;
    const count = 40;
    const scheduled = [];
    for (let i = 0; i < count; i++) {
      const replica = i % 2 === 0 ? a : b;
      // Half are due in about a second (timers race), half in ten days (the clock move makes both
      // reconcilers race on them).
      const dueAt = i < count / 2 ? inMs(replica, 1_000 + (i % 5) * 20) : inMs(replica, 10 * DAY_MS);
      scheduled.push(
        await replica.dataSource.transaction((m) =>
          replica.scheduler.schedule(m, reminder(`agreement-${i}`, dueAt)),
        ),
      );
    }

    await expectEventually(async () => assert.equal((await world.outbox()).length, count / 2));
    // Both processes reconcile at once: b through the clock broadcast, a directly, then both again.
    await a.clockSync.advance(11 * DAY_MS);
    await Promise.all([a.reconciler.reconcile(), b.reconciler.reconcile()]);
    await expectEventually(async () => assert.equal((await a.scheduler.listPending()).length, 0));

    const events = await world.outbox();
    assert.equal(events.length, count, 'one event per deadline');
    assert.equal(new Set(events.map((e) => e.aggregateId)).size, count, 'no deadline fired twice');
    for (const d of scheduled) assert.equal((await a.scheduler.find(d.id))?.status, 'fired');
  });
});
