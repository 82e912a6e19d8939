import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectEventually } from '@tripartite/testing';
import { DeadlinesTestWorld, inMs, type Replica, reminder } from './support/deadlines-test-world';

// Issue 3: "On SIGTERM a process stops taking work, finishes or hands back what is in flight, closes its
// connections and exits". `app.close()` runs the same shutdown hooks as SIGTERM with shutdown hooks on.
describe('shutting down while a deadline is firing', () => {
  let world: DeadlinesTestWorld;
  let observer: Replica;

  before(async () => {
    world = await DeadlinesTestWorld.create('deadlines_shutdown');
    observer = await world.start({ worker: false, reconciler: false });
  });
  after(() => world?.dispose());

  it('finishes the running timer before closing its database and Redis connections', async () => {
    const replica = await world.start();
    const deadline = await replica.dataSource.transaction((m) =>
      replica.scheduler.schedule(m, reminder('agreement-in-flight', inMs(replica, 300))),
    );
    // Hold the deadline's row so that its timer is caught in the middle of firing.
    const holder = observer.dataSource.createQueryRunner();
    await holder.startTransaction();
    try {
      await holder.query('SELECT id FROM deadlines WHERE id = $1 FOR UPDATE', [deadline.id]);
      await expectEventually(async () =>
        assert.equal((await replica.timers.inspect(deadline.id)).state, 'active'),
      );

      const closing = replica.close();
      await expectEventually(async () => assert.equal((await replica.health.check()).worker, 'closing'));
      assert.equal((await replica.health.check()).healthy, false, 'not ready while shutting down');
      await holder.commitTransaction();
      await closing;
    } finally {
      if (holder.isTransactionActive) await holder.rollbackTransaction();
      await holder.release();
    }

    assert.equal((await observer.scheduler.find(deadline.id))?.status, 'fired');
    assert.equal((await world.outbox('agreement-in-flight')).length, 1);
  });
});
