import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Offers `total` events at `ratePerSecond`, open loop: event i is due at start + i / rate, and every
 * tick sends all the events already due without waiting for earlier ones to be confirmed or committed
 * (a slow event does not delay the next ones, so queueing shows in the latency instead of hiding).
 * Returns the time it took to offer them all.
 */
export async function offerAtRate(
  total: number,
  ratePerSecond: number,
  tickMs: number,
  send: (index: number) => void,
): Promise<number> {
  const start = performance.now();
  const interval = 1000 / ratePerSecond;
  let sent = 0;
  while (sent < total) {
    const due = Math.min(total, Math.floor((performance.now() - start) / interval) + 1);
    while (sent < due) send(sent++);
    if (sent < total) await sleep(tickMs);
  }
  return performance.now() - start;
}
