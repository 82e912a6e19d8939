/** Something to apply, and the key of what it must stay in order with (its aggregate). */
export interface Keyed {
  readonly key: string;
}

/**
 * Groups waiting work into batches and runs at most `slots` batches at once, keeping the order of
 * each key: items of one key are taken in arrival order, either together in one batch (applied one
 * after the other there) or in later batches once the batch holding that key has finished. An item
 * whose key is busy blocks the later items of its key, never the others.
 *
 * Batches form from what is waiting when a slot frees: at a low rate each item goes alone at once; under
 * load they grow, up to `maxBatch`, and one transaction carries several events.
 */
export class BatchScheduler<T extends Keyed> {
  private waiting: { item: T; done: () => void }[] = [];
  private readonly busy = new Map<string, number>();
  private running = 0;
  private pumpScheduled = false;
  private stopped = false;

  constructor(
    private readonly slots: number,
    private readonly maxBatch: number,
    private readonly run: (batch: T[]) => Promise<void>,
  ) {
    if (slots < 1 || maxBatch < 1) throw new Error('BatchScheduler needs at least one slot and one item');
  }

  /** Number of items waiting for a slot (not those being applied). */
  get queued(): number {
    return this.waiting.length;
  }

  /**
   * Queues an item; resolves once the batch that carried it has finished (`run` settled). `run` must
   * handle its own failures: a rejection only frees the slot.
   */
  enqueue(item: T): Promise<void> {
    return new Promise<void>((done) => {
      this.waiting.push({ item, done });
      // Deliveries read from one socket chunk arrive one after the other in the same tick: let them all
      // queue before a slot takes them, so they can share a batch.
      if (!this.pumpScheduled) {
        this.pumpScheduled = true;
        setImmediate(() => {
          this.pumpScheduled = false;
          this.pump();
        });
      }
    });
  }

  /**
   * Stops for good: no batch starts any more, and what was waiting is dropped (its promises resolve).
   * Batches already running finish.
   */
  abandonWaiting(): void {
    this.stopped = true;
    for (const { done } of this.waiting.splice(0)) done();
  }

  private pump(): void {
    if (this.stopped) return;
    while (this.running < this.slots && this.waiting.length > 0) {
      const batch = this.take();
      if (batch.length === 0) return; // every waiting key is busy: a finishing batch pumps again
      this.running++;
      for (const { item } of batch) this.busy.set(item.key, (this.busy.get(item.key) ?? 0) + 1);
      void this.run(batch.map(({ item }) => item))
        .catch(() => undefined)
        .finally(() => {
          this.running--;
          for (const { item, done } of batch) {
            const left = (this.busy.get(item.key) ?? 1) - 1;
            if (left > 0) this.busy.set(item.key, left);
            else this.busy.delete(item.key);
            done();
          }
          this.pump();
        });
    }
  }

  /** The next batch, in arrival order; what stays keeps its order too. */
  private take(): { item: T; done: () => void }[] {
    const batch: { item: T; done: () => void }[] = [];
    const rest: { item: T; done: () => void }[] = [];
    const blocked = new Set<string>();
    for (const entry of this.waiting) {
      const key = entry.item.key;
      if (batch.length < this.maxBatch && !this.busy.has(key) && !blocked.has(key)) batch.push(entry);
      else {
        blocked.add(key);
        rest.push(entry);
      }
    }
    this.waiting = rest;
    return batch;
  }
}
