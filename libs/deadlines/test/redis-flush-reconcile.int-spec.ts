import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectEventually, startPrivateRedis } from '@tripartite/testing';
import { DAY_MS, DeadlinesTestWorld, inMs, type Replica, reminder } from './support/deadlines-test-world';

// Issue 3, faults: "Redis FLUSHALL with pending deadlines → all fire, each once, after the reconciler runs".
// A real FLUSHALL, on a Redis server of this test's own: on the shared one it would wipe the keys of the
// test files running in parallel.
describe('Redis loses every timer (FLUSHALL)', () => {
  let world: DeadlinesTestWorld;
  let replica: Replica;
  let redis: Awaited<ReturnType<typeof startPrivateRedis>>;

  before(async () => {
    redis = await startPrivateRedis();
    world = await DeadlinesTestWorld.create('deadlines_flushall', { REDIS_URL: redis.url });
    replica = await world.start();
  });
  after(async () => {
    await world?.dispose();
    await redis?.stop();
  });

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

    assert.equal(await world.redis.flushall(), 'OK');
    assert.equal(await world.redis.dbsize(), 0);
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
