/**
 * Closes a channel without waiting forever: on a connection the broker dropped, amqplib may wait for a
 * close-ok that never comes. Whatever was unacked is requeued by the broker anyway.
 */
export async function closeQuietly(
  channel: { close(): Promise<unknown> } | undefined,
  timeoutMs = 1_000,
): Promise<void> {
  if (!channel) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    channel.close().catch(() => undefined),
    new Promise((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    }),
  ]);
  clearTimeout(timer);
}
