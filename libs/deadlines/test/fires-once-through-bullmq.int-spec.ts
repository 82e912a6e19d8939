import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DeadlineIdConflictError, deadlineIdFor } from '@tripartite/deadlines';
import { expectEventually } from '@tripartite/testing';
import { inMs, reminder, reminderDue, withDeadlinesTestWorld } from './support/deadlines-test-world';

describe('a deadline fires once through its BullMQ timer', () => {
  const setup = withDeadlinesTestWorld('deadlines_fire_once');

  it('reports itself ready when Redis answers and the worker runs', async () => {
    const [replica] = setup.replicas;
    assert.deepEqual(await replica.health.check(), { healthy: true, redis: 'up', worker: 'running' });
  });

  it('publishes its event in the outbox exactly once when its timer fires, and marks it fired', async () => {
    const { world } = setup;
    const [replica] = setup.replicas;
    const subjectId = 'agreement-fire-once';
    const deadline = await replica.dataSource.transaction((manager) =>
      replica.scheduler.schedule(manager, reminder(subjectId, inMs(replica, 800))),
    );
    // The timer exists as soon as the scheduling transaction has committed.
    assert.equal((await replica.timers.inspect(deadline.id)).state, 'delayed');
    assert.equal((await world.outbox(subjectId)).length, 0);

    await expectEventually(async () =>
      assert.equal((await replica.scheduler.find(deadline.id))?.status, 'fired'),
    );
    const events = await world.outbox(subjectId);
    assert.equal(events.length, 1);
    assert.equal(events[0].type, reminderDue.type);
    assert.equal(events[0].aggregateId, subjectId);
    assert.equal(events[0].aggregateVersion, 1);
    assert.equal(events[0].region, '11');
    assert.equal(events[0].causationId, deadline.id);
    assert.deepEqual(events[0].payload, { note: `reminder of ${subjectId}` });
    const fired = await replica.scheduler.find(deadline.id);
    assert.ok(
      fired?.firedAt && fired.firedAt.getTime() >= deadline.dueAt.getTime(),
      'fired at or after its due time',
    );

    // Its timer is gone, and a later reconciliation finds nothing more to fire.
    await expectEventually(async () =>
      assert.equal((await replica.timers.inspect(deadline.id)).state, 'missing'),
    );
    assert.equal((await replica.reconciler.reconcile()).fired, 0);
    assert.equal((await world.outbox(subjectId)).length, 1);
  });

  it('keeps one deadline and one timer when the same id is scheduled twice', async () => {
    const [replica] = setup.replicas;
    const subjectId = 'agreement-twice';
    const id = deadlineIdFor('deadline_test.reminder', subjectId, 'term-1');
    const dueAt = inMs(replica, 3_600_000);
    const first = await replica.dataSource.transaction((m) =>
      replica.scheduler.schedule(m, reminder(subjectId, dueAt, { id })),
    );
    const second = await replica.dataSource.transaction((m) =>
      replica.scheduler.schedule(m, reminder(subjectId, new Date(dueAt.getTime() + 5_000), { id })),
    );
    assert.equal(second.id, first.id);
    assert.equal(second.dueAt.getTime(), dueAt.getTime(), 'the second call changes nothing');
    assert.equal((await replica.scheduler.listPending(subjectId)).length, 1);
    assert.equal(await replica.timers.queue.getDelayedCount(), 1);

    await assert.rejects(
      replica.dataSource.transaction((m) =>
        replica.scheduler.schedule(m, reminder('another-subject', dueAt, { id })),
      ),
      DeadlineIdConflictError,
    );
    await replica.dataSource.transaction((m) => replica.scheduler.cancel(m, id));
  });

  it('leaves no deadline and no timer when the scheduling transaction rolls back', async () => {
    const [replica] = setup.replicas;
    const id = deadlineIdFor('deadline_test.reminder', 'agreement-rolled-back');
    await assert.rejects(
      replica.dataSource.transaction(async (manager) => {
        await replica.scheduler.schedule(
          manager,
          reminder('agreement-rolled-back', inMs(replica, 200), { id }),
        );
        throw new Error('the domain change failed');
      }),
      /the domain change failed/,
    );
    assert.equal(await replica.scheduler.find(id), null);
    assert.equal((await replica.timers.inspect(id)).state, 'missing');
  });

  it('refuses, when scheduling, an event the catalogue would refuse when firing', async () => {
    const [replica] = setup.replicas;
    await assert.rejects(
      replica.dataSource.transaction((m) =>
        replica.scheduler.schedule(m, {
          ...reminder('agreement-bad', inMs(replica, 1_000)),
          event: { type: reminderDue.type, aggregateVersion: 1, payload: { note: '' } },
        }),
      ),
      { code: 'DEADLINE.INVALID' },
    );
  });
});
