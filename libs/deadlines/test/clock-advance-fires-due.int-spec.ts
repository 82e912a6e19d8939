import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expectEventually } from '@tripartite/testing';
import {
  adjustableClockOf,
  assertTimerIn,
  DAY_MS,
  inMs,
  reminder,
  withDeadlinesTestWorld,
} from './support/deadlines-test-world';

describe('moving the platform clock forward', () => {
  const setup = withDeadlinesTestWorld('deadlines_clock_advance', [{}, {}]);

  it('moves the time of every process, and fires in each the deadlines that became due, once', async () => {
    const { world } = setup;
    const [a, b] = setup.replicas;
    const schedule = (subjectId: string, days: number) =>
      a.dataSource.transaction((m) => a.scheduler.schedule(m, reminder(subjectId, inMs(a, days * DAY_MS))));
    const in30 = await schedule('agreement-30', 30);
    const in60 = await schedule('agreement-60', 60);
    const in400 = await schedule('agreement-400', 400);

    const status = await a.clockSync.advance(45 * DAY_MS);
    assert.equal(status.offsetMs, 45 * DAY_MS);
    await expectEventually(() => assert.equal(adjustableClockOf(b).offset, 45 * DAY_MS));
    assert.ok(
      Math.abs(b.clock.now().getTime() - a.clock.now().getTime()) < 1_000,
      'both processes tell the same time',
    );

    await expectEventually(async () => assert.equal((await a.scheduler.find(in30.id))?.status, 'fired'));
    assert.equal((await a.scheduler.find(in60.id))?.status, 'pending');
    assert.equal((await a.scheduler.find(in400.id))?.status, 'pending');
    assert.equal((await world.outbox('agreement-30')).length, 1);

    // The timers of what is still pending now wake up on the new time: 15 days from now, not 60.
    await assertTimerIn(a, in60.id, 15 * DAY_MS, 'timer moved with the clock');

    await b.clockSync.advance(400 * DAY_MS);
    await expectEventually(async () => {
      assert.equal((await a.scheduler.listPending()).length, 0);
    });
    const events = await world.outbox();
    assert.deepEqual(events.map((e) => e.aggregateId).sort(), [
      'agreement-30',
      'agreement-400',
      'agreement-60',
    ]);
  });

  it('gives a process that starts later the platform time at boot', async () => {
    const { world } = setup;
    const late = await world.start({ worker: false, reconciler: false });
    assert.equal(adjustableClockOf(late).offset, 445 * DAY_MS);
    await late.close();
  });

  it('restores the shared offset from the processes after Redis lost it', async () => {
    const { world } = setup;
    const [a] = setup.replicas;
    await world.flushPrefix();
    await a.clockSync.resync(); // what every process does every few seconds and after reconnecting
    const late = await world.start({ worker: false, reconciler: false });
    assert.equal(adjustableClockOf(late).offset, 445 * DAY_MS);
    await late.close();
  });
});
