import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DeadlineNotFoundError, DeadlineNotPendingError } from '@tripartite/deadlines';
import { expectEventually } from '@tripartite/testing';
import {
  assertTimerIn,
  DAY_MS,
  inMs,
  reminder,
  withDeadlinesTestWorld,
} from './support/deadlines-test-world';

const HOUR_MS = 3_600_000;

describe('cancelling and rescheduling a deadline', () => {
  const setup = withDeadlinesTestWorld('deadlines_cancel_reschedule');

  const schedule = (subjectId: string, dueAt: Date) => {
    const [replica] = setup.replicas;
    return replica.dataSource.transaction((m) => replica.scheduler.schedule(m, reminder(subjectId, dueAt)));
  };

  it('never fires a cancelled deadline, and removes its timer', async () => {
    const { world } = setup;
    const [replica] = setup.replicas;
    const deadline = await schedule('agreement-cancelled', inMs(replica, DAY_MS));
    assert.equal((await replica.timers.inspect(deadline.id)).state, 'delayed');

    const cancelled = await replica.dataSource.transaction((m) => replica.scheduler.cancel(m, deadline.id));
    assert.equal(cancelled.status, 'cancelled');
    assert.ok(cancelled.cancelledAt);
    assert.equal((await replica.timers.inspect(deadline.id)).state, 'missing');

    await replica.clockSync.advance(2 * DAY_MS); // past its due time; the reconciler runs
    assert.equal((await replica.scheduler.find(deadline.id))?.status, 'cancelled');
    assert.equal((await world.outbox('agreement-cancelled')).length, 0);
    // Cancelling again answers the deadline as it is.
    assert.equal(
      (await replica.dataSource.transaction((m) => replica.scheduler.cancel(m, deadline.id))).status,
      'cancelled',
    );
  });

  it('keeps the timer when the cancelling transaction rolls back', async () => {
    const [replica] = setup.replicas;
    const deadline = await schedule('agreement-cancel-rolled-back', inMs(replica, DAY_MS));
    await assert.rejects(
      replica.dataSource.transaction(async (m) => {
        await replica.scheduler.cancel(m, deadline.id);
        throw new Error('the withdrawal failed');
      }),
    );
    assert.equal((await replica.scheduler.find(deadline.id))?.status, 'pending');
    assert.equal((await replica.timers.inspect(deadline.id)).state, 'delayed');
  });

  it('does not fire a deadline moved later at its first due time, and fires it once at the new one', async () => {
    const { world } = setup;
    const [replica] = setup.replicas;
    const subjectId = 'agreement-later';
    const deadline = await schedule(subjectId, inMs(replica, HOUR_MS));
    const newDueAt = new Date(deadline.dueAt.getTime() + 2 * HOUR_MS);
    const moved = await replica.dataSource.transaction((m) =>
      replica.scheduler.reschedule(m, deadline.id, newDueAt),
    );
    assert.equal(moved.dueAt.getTime(), newDueAt.getTime());
    await assertTimerIn(replica, deadline.id, 3 * HOUR_MS, 'the timer moved to the new time');

    await replica.clockSync.advance(2 * HOUR_MS);
    assert.equal((await replica.scheduler.find(deadline.id))?.status, 'pending');
    assert.equal((await world.outbox(subjectId)).length, 0);

    await replica.clockSync.advance(2 * HOUR_MS);
    assert.equal((await replica.scheduler.find(deadline.id))?.status, 'fired');
    assert.equal((await world.outbox(subjectId)).length, 1);
  });

  it('fires a deadline moved earlier at its new time, through its timer', async () => {
    const { world } = setup;
    const [replica] = setup.replicas;
    const subjectId = 'agreement-earlier';
    const deadline = await schedule(subjectId, inMs(replica, DAY_MS));
    await replica.dataSource.transaction((m) =>
      replica.scheduler.reschedule(m, deadline.id, inMs(replica, 500)),
    );
    await expectEventually(async () => assert.equal((await world.outbox(subjectId)).length, 1));
    assert.equal((await replica.scheduler.find(deadline.id))?.status, 'fired');
  });

  it('cancels the pending deadlines of one subject, only of the kinds asked', async () => {
    const [replica] = setup.replicas;
    const subjectId = 'agreement-withdrawn';
    const renewal = await schedule(subjectId, inMs(replica, 10 * DAY_MS));
    const report = await replica.dataSource.transaction((m) =>
      replica.scheduler.schedule(m, {
        ...reminder(subjectId, inMs(replica, 20 * DAY_MS)),
        kind: 'deadline_test.report',
      }),
    );
    const other = await schedule('agreement-other', inMs(replica, 10 * DAY_MS));

    const cancelled = await replica.dataSource.transaction((m) =>
      replica.scheduler.cancelForSubject(m, subjectId, ['deadline_test.reminder']),
    );
    assert.deepEqual(
      cancelled.map((d) => d.id),
      [renewal.id],
    );
    assert.deepEqual(
      (await replica.scheduler.listPending(subjectId)).map((d) => d.id),
      [report.id],
    );
    assert.equal((await replica.timers.inspect(renewal.id)).state, 'missing');
    assert.equal((await replica.timers.inspect(report.id)).state, 'delayed');
    assert.equal((await replica.scheduler.find(other.id))?.status, 'pending');

    await replica.dataSource.transaction((m) => replica.scheduler.cancelForSubject(m, subjectId));
    assert.deepEqual(await replica.scheduler.listPending(subjectId), []);
  });

  it('refuses to move a deadline that already fired, or that does not exist', async () => {
    const [replica] = setup.replicas;
    const deadline = await schedule('agreement-done', inMs(replica, 0));
    await expectEventually(async () =>
      assert.equal((await replica.scheduler.find(deadline.id))?.status, 'fired'),
    );
    await assert.rejects(
      replica.dataSource.transaction((m) =>
        replica.scheduler.reschedule(m, deadline.id, inMs(replica, DAY_MS)),
      ),
      DeadlineNotPendingError,
    );
    await assert.rejects(
      replica.dataSource.transaction((m) =>
        replica.scheduler.reschedule(m, '0190c6f0-0000-7000-8000-000000000000', inMs(replica, DAY_MS)),
      ),
      DeadlineNotFoundError,
    );
  });
});
