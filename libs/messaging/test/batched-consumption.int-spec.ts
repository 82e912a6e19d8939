import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, afterEach, before, describe, it } from 'node:test';
import { expectEventually } from '@tripartite/testing';
import { publishRaw } from './support/broker-admin';
import { parkedMessagesOf } from './support/parked-log';
import { publishThing, startTestService, type TestService } from './support/test-service';
import { ThingConsumer } from './support/thing.consumer';
import {
  attemptsOf,
  notesOf,
  type TwoServiceEnvironments,
  twoServiceEnvironments,
} from './support/two-services';

/**
 * A backlog reaches the consumer in one burst (prefetch 20): the transport then applies several events
 * per transaction. Each test lets events pile up in the queue while no consumer is attached, then
 * starts one, the way a service meets its queue after a restart or a slow spell. The consumer runs one
 * transaction at a time (a pool of two connections) and the first event takes a while to apply, so the rest
 * of the backlog is sure to wait behind it and form batches however loaded the machine is.
 */
describe('a consumer applying several events in one transaction', () => {
  let producer: TestService;
  let consumer: TestService | undefined;
  let env: Record<string, string>;
  let consumerEnv: Record<string, string>;
  let environments: TwoServiceEnvironments | undefined;

  before(async () => {
    environments = await twoServiceEnvironments('batch', { DATABASE_POOL_SIZE: '2' });
    ({ env, consumerEnv } = environments);
    // Declares the queue and its bindings, then leaves: what is published next waits in the queue.
    await (await startConsumer()).close();
    producer = await startTestService({ service: 'producer', env });
  });
  afterEach(async () => {
    await consumer?.close();
    consumer = undefined;
  });
  after(async () => {
    await producer?.close();
    await environments?.dispose();
  });

  function startConsumer(): Promise<TestService> {
    return startTestService({
      service: 'consumer',
      env: consumerEnv,
      controllers: [ThingConsumer],
    });
  }

  /** Waits until the relay has published every row written so far (they are in the queue then). */
  async function allPublished(): Promise<void> {
    await expectEventually(async () => {
      const [{ n }] = await producer.dataSource.query(
        'SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL',
      );
      assert.equal(n, 0);
    });
  }

  /** How many transactions committed the effects of these events (`xmin` is the inserting transaction). */
  async function transactionsOf(eventIds: string[]): Promise<number> {
    const [{ n }] = await consumer!.dataSource.query(
      'SELECT count(DISTINCT xmin::text)::int AS n FROM effects WHERE event_id = ANY($1)',
      [eventIds],
    );
    return n;
  }

  it('applies each event once, in order per aggregate, a duplicate in the same batch included', async () => {
    const aggregates = [randomUUID(), randomUUID(), randomUUID()];
    const written: string[] = [];
    for (let i = 0; i < 30; i++) {
      written.push(
        await publishThing(producer, aggregates[i % 3], { note: `n${i}`, workMs: i === 0 ? 500 : 0 }),
      );
    }
    await allPublished();
    // The same event twice more, behind the others: the inbox must recognise it inside a batch too.
    const [{ envelope }] = await producer.dataSource.query('SELECT envelope FROM outbox WHERE id = $1', [
      written[4],
    ]);
    await publishRaw(env.AMQP_EXCHANGE, 'thing.happened', envelope);
    await publishRaw(env.AMQP_EXCHANGE, 'thing.happened', envelope);

    consumer = await startConsumer();
    await expectEventually(async () => {
      const [row] = await consumer!.dataSource.query(
        'SELECT count(*)::int AS n, count(DISTINCT event_id)::int AS d FROM effects',
      );
      assert.deepEqual(row, { n: 30, d: 30 });
    });
    await expectEventually(() => assert.equal(consumer!.transport.outcomes.duplicate, 2));
    assert.equal(consumer.transport.outcomes.applied, 30);
    for (const [index, aggregateId] of aggregates.entries()) {
      const expected = Array.from({ length: 10 }, (_, k) => `n${index + 3 * k}`);
      assert.deepEqual(await notesOf(consumer, aggregateId), expected, 'one aggregate keeps its order');
    }
    const transactions = await transactionsOf(written);
    assert.ok(transactions < 30, `several events shared a transaction (${transactions} for 30)`);
    assert.equal(
      (await attemptsOf(consumer, written[4])).length,
      1,
      'the handler never ran for the duplicates',
    );
  });

  it('parks a failing event alone after its tries, and commits the neighbours of its batch', async () => {
    const aggregates = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const written: string[] = [];
    let failingId = '';
    for (let i = 0; i < 16; i++) {
      const aggregateId = aggregates[i % 4];
      if (i === 6) {
        failingId = await publishThing(producer, aggregateId, { note: 'always fails', failTimes: 99 });
      } else if (i === 9) {
        written.push(await publishThing(producer, aggregateId, { note: `n${i}`, failTimes: 1 }));
      } else {
        written.push(await publishThing(producer, aggregateId, { note: `n${i}`, workMs: i === 0 ? 500 : 0 }));
      }
    }
    await allPublished();

    consumer = await startConsumer();
    const parked = await expectEventually(
      async () => {
        const messages = await parkedMessagesOf(consumer!);
        assert.equal(messages.length, 1);
        return messages[0];
      },
      { timeoutMs: 15_000 },
    );
    assert.equal((parked.content as { id: string }).id, failingId);
    assert.equal(parked.attempts, 3);
    assert.match(parked.reason, /handler failed 3 times: planned failure 3/);
    assert.deepEqual(
      await attemptsOf(consumer, failingId),
      [1, 2, 3],
      'one run of its handler per try, in a batch as alone',
    );

    await expectEventually(async () => {
      const [row] = await consumer!.dataSource.query(
        'SELECT count(*)::int AS n, count(DISTINCT event_id)::int AS d FROM effects WHERE event_id = ANY($1)',
        [written],
      );
      assert.deepEqual(row, { n: 15, d: 15 });
    });
    const [{ n: failedEffects }] = await consumer.dataSource.query(
      'SELECT count(*)::int AS n FROM effects WHERE event_id = $1',
      [failingId],
    );
    assert.equal(failedEffects, 0, 'nothing of the failing event survives');
    // The aggregate of the failing event (i % 4 === 2) lost that one event, not the ones around it.
    assert.deepEqual(await notesOf(consumer, aggregates[2]), ['n2', 'n10', 'n14']);
    assert.deepEqual(await notesOf(consumer, aggregates[0]), ['n0', 'n4', 'n8', 'n12']);
    assert.deepEqual(
      (await notesOf(consumer, aggregates[1])).sort(),
      ['n1', 'n13', 'n5', 'n9'],
      'the temporary failure (n9) came back once from its retry',
    );
    // Whether this burst formed batches depends on how the broker hands it over under load (it failed once in
    // CI with every event alone); that several events share a transaction is asserted by the test above, with
    // the same setup. What this one asserts holds either way: the failing event alone parked, its neighbours
    // committed once, in order.
  });
});
