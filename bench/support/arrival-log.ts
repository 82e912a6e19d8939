/**
 * When each numbered event arrived (consumer receipt, or effect commit), and a bounded wait for a
 * range of them. Numbers are unique across a run's phases, so a late event of one phase never counts
 * in the next.
 */
export class ArrivalLog {
  readonly times = new Map<number, number>();
  duplicates = 0;
  private waiter: { from: number; to: number; missing: number; resolve: () => void } | undefined;

  record(seq: number, at: number): void {
    if (this.times.has(seq)) {
      this.duplicates++;
      return;
    }
    this.times.set(seq, at);
    const waiter = this.waiter;
    if (waiter && seq >= waiter.from && seq < waiter.to && --waiter.missing === 0) {
      this.waiter = undefined;
      waiter.resolve();
    }
  }

  /** Waits until every event numbered `from` to `to - 1` arrived, or `timeoutMs`; returns how many did. */
  async waitForRange(from: number, to: number, timeoutMs: number): Promise<number> {
    let missing = 0;
    for (let seq = from; seq < to; seq++) if (!this.times.has(seq)) missing++;
    if (missing > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>((resolve) => {
          this.waiter = { from, to, missing, resolve };
        }),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, timeoutMs);
        }),
      ]);
      clearTimeout(timer);
      this.waiter = undefined;
    }
    let arrived = 0;
    for (let seq = from; seq < to; seq++) if (this.times.has(seq)) arrived++;
    return arrived;
  }

  /** The latest arrival time of the range (the end of a throughput phase). */
  lastOf(from: number, to: number): number {
    let last = 0;
    for (let seq = from; seq < to; seq++) last = Math.max(last, this.times.get(seq) ?? 0);
    return last;
  }
}
