import type { ConfirmChannel } from 'amqplib';

/**
 * Publishes `count` messages on a confirm channel as fast as the broker confirms them, with at most
 * `window` unconfirmed at once, and waits for the socket to drain when amqplib asks to. Returns how
 * many the broker refused.
 */
export async function publishWindowed(
  channel: ConfirmChannel,
  count: number,
  window: number,
  publishOne: (index: number, confirmed: (error: unknown) => void) => boolean,
): Promise<number> {
  let inFlight = 0;
  let refused = 0;
  let freed: (() => void) | undefined;
  const confirmed = (error: unknown) => {
    if (error) refused++;
    inFlight--;
    freed?.();
    freed = undefined;
  };
  for (let index = 0; index < count; index++) {
    while (inFlight >= window) await new Promise<void>((resolve) => (freed = resolve));
    inFlight++;
    if (!publishOne(index, confirmed)) await new Promise((resolve) => channel.once('drain', resolve));
  }
  while (inFlight > 0) await new Promise<void>((resolve) => (freed = resolve));
  return refused;
}
