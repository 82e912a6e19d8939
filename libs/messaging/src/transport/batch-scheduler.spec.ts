import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BatchScheduler } from './batch-scheduler';

interface Item {
  key: string;
  n: number;
}

/** A run function that records batches and finishes each one when the test says so. */
function recorder() {
  const batches: Item[][] = [];
  const finishers: (() => void)[] = [];
  let running = 0;
  let peak = 0;
  const run = (batch: Item[]) =>
    new Promise<void>((resolve) => {
      batches.push(batch);
      running++;
      peak = Math.max(peak, running);
      finishers.push(() => {
        running--;
        resolve();
      });
    });
  return {
    batches,
    run,
    peak: () => peak,
    finishNext: async () => {
      finishers.shift()?.();
      await settle();
    },
  };
}

/**
 * Lets the scheduler's deferred pump (a setImmediate queued before this one: immediates run in order)
 * and the batches' completions (promise callbacks, all run before the next immediate) happen.
 */
const settle = async () => {
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
};

describe('BatchScheduler', () => {
  it('takes what waits together into one batch, up to the batch size, in arrival order', async () => {
    const r = recorder();
    const scheduler = new BatchScheduler<Item>(1, 3, r.run);
    for (let n = 0; n < 5; n++) void scheduler.enqueue({ key: `k${n}`, n });
    await settle();
    assert.deepEqual(
      r.batches.map((batch) => batch.map((item) => item.n)),
      [[0, 1, 2]],
    );
    await r.finishNext();
    assert.deepEqual(
      r.batches.map((batch) => batch.map((item) => item.n)),
      [
        [0, 1, 2],
        [3, 4],
      ],
    );
  });

  it('never runs more batches at once than it has slots, and runs every item once', async () => {
    const r = recorder();
    const scheduler = new BatchScheduler<Item>(2, 2, r.run);
    let finished = false;
    void Promise.all(Array.from({ length: 9 }, (_, n) => scheduler.enqueue({ key: `k${n}`, n }))).then(() => {
      finished = true;
    });
    await settle();
    while (!finished) await r.finishNext();
    assert.equal(r.peak(), 2);
    assert.deepEqual(
      r.batches
        .flat()
        .map((item) => item.n)
        .sort((a, b) => a - b),
      [0, 1, 2, 3, 4, 5, 6, 7, 8],
    );
  });

  it('keeps one key in order: never in two batches at once, and the later ones wait', async () => {
    const r = recorder();
    const scheduler = new BatchScheduler<Item>(3, 2, r.run);
    void scheduler.enqueue({ key: 'a', n: 1 });
    await settle(); // a1 runs alone
    for (const item of [
      { key: 'a', n: 2 },
      { key: 'b', n: 1 },
      { key: 'a', n: 3 },
      { key: 'c', n: 1 },
    ])
      void scheduler.enqueue(item);
    await settle();
    // a is busy: a2 and a3 wait; b1 and c1 are not held back by it.
    assert.deepEqual(
      r.batches.map((batch) => batch.map((item) => `${item.key}${item.n}`)),
      [['a1'], ['b1', 'c1']],
    );
    await r.finishNext(); // a1 done
    assert.deepEqual(
      r.batches.at(-1)?.map((item) => `${item.key}${item.n}`),
      ['a2', 'a3'],
    );
  });

  it('frees the slot of a batch whose run failed, and resolves its items', async () => {
    const ran: number[][] = [];
    const scheduler = new BatchScheduler<Item>(1, 5, async (batch) => {
      ran.push(batch.map((item) => item.n));
      if (batch[0].n === 0) throw new Error('boom');
    });
    const first = scheduler.enqueue({ key: 'a', n: 0 });
    await first;
    await scheduler.enqueue({ key: 'a', n: 1 });
    assert.deepEqual(ran, [[0], [1]]);
    assert.equal(scheduler.queued, 0);
  });

  it('starts nothing more once the waiting work is abandoned, and lets the running batch finish', async () => {
    const r = recorder();
    const scheduler = new BatchScheduler<Item>(1, 1, r.run);
    const first = scheduler.enqueue({ key: 'a', n: 0 });
    const second = scheduler.enqueue({ key: 'b', n: 1 });
    await settle();
    scheduler.abandonWaiting();
    await second; // resolved without running
    await r.finishNext();
    await first;
    assert.deepEqual(
      r.batches.map((batch) => batch.map((item) => item.n)),
      [[0]],
    );
  });
});
