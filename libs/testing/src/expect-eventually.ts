import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Retries `assertion` until it stops throwing or `timeoutMs` passes, then rethrows its last error.
 * Tests wait for asynchronous effects with this, never with fixed sleeps.
 */
export async function expectEventually<T>(
  assertion: () => T | Promise<T>,
  { timeoutMs = 10_000, intervalMs = 50 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      return await assertion();
    } catch (error) {
      lastError = error;
      await sleep(intervalMs);
    }
  }
  throw lastError ?? new Error(`expectEventually: timed out after ${timeoutMs} ms`);
}
