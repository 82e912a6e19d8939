/**
 * Epoch milliseconds with sub-millisecond resolution, from the monotonic clock: precise enough for
 * p50 of a few milliseconds, and comparable with PostgreSQL's timestamps on this same machine.
 * (A bench measures durations; the domain clock of libs/clock is not meant for this.)
 */
export function wallClockMs(): number {
  return performance.timeOrigin + performance.now();
}
