import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { deadlinesPersistence } from '@tripartite/deadlines';
import { messagingPersistence } from '@tripartite/messaging';
import { createServiceDataSource, openServiceDatabase } from '@tripartite/persistence';
import { expectEventually } from '@tripartite/testing';
import { DAY_MS, DeadlinesTestWorld, type Replica, reminderDue } from './support/deadlines-test-world';

// Deadlines that fell due while no process ran, and one committed without its timer (a crash between
// the commit and the timer creation): the reconciler run at boot must fire the former and time the latter.
describe('booting with deadlines already overdue', () => {
  let world: DeadlinesTestWorld;
  let replica: Replica | undefined;
  const overdue = Array.from({ length: 5 }, () => randomUUID());
  const future = randomUUID();

  before(async () => {
    world = await DeadlinesTestWorld.create('deadlines_overdue_boot');
    const dataSource = createServiceDataSource({
      serverUrl: world.config.DATABASE_URL,
      database: world.config.DATABASE_NAME,
      entities: [...deadlinesPersistence.entities],
      migrations: [...messagingPersistence.migrations, ...deadlinesPersistence.migrations],
    });
    await openServiceDatabase(dataSource, true);
    const insert = (id: string, subjectId: string, dueAt: Date) =>
      dataSource.query(
        `INSERT INTO deadlines (id, kind, subject_id, region, due_at, event_type, event_version, aggregate_version,
           payload, created_at)
         VALUES ($1, 'deadline_test.reminder', $2, NULL, $3, $4, 1, 2, $5, $6)`,
        [
          id,
          subjectId,
          dueAt,
          reminderDue.type,
          JSON.stringify({ note: 'overdue' }),
          new Date(Date.now() - 30 * DAY_MS),
        ],
      );
    for (const [i, id] of overdue.entries())
      await insert(id, `agreement-overdue-${i}`, new Date(Date.now() - (i + 1) * DAY_MS));
    await insert(future, 'agreement-future', new Date(Date.now() + 7 * DAY_MS));
    await dataSource.destroy();
  });
  after(() => world?.dispose());

  it('fires each overdue deadline once and restores the missing timer of the others', async () => {
    replica = await world.start();
    await expectEventually(async () => assert.equal((await world.outbox()).length, overdue.length));
    const events = await world.outbox();
    assert.equal(new Set(events.map((e) => e.aggregateId)).size, overdue.length);
    // Fired in due order: the longest overdue first.
    assert.deepEqual(
      events.map((e) => e.aggregateId),
      overdue.map((_, i) => `agreement-overdue-${i}`).reverse(),
    );
    await expectEventually(async () =>
      assert.equal((await replica!.timers.inspect(future)).state, 'delayed'),
    );
    assert.equal((await replica.scheduler.find(future))?.status, 'pending');
  });
});
