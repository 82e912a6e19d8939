import { connect } from 'amqplib';

/** Deletes the bench's queues and exchanges from the broker; each one on its own channel, absent is fine. */
export async function deleteBrokerObjects(
  amqpUrl: string,
  objects: { queues: string[]; exchanges: string[] },
): Promise<void> {
  const connection = await connect(amqpUrl);
  try {
    const remove = async (
      work: (channel: Awaited<ReturnType<typeof connection.createChannel>>) => Promise<unknown>,
    ) => {
      const channel = await connection.createChannel();
      channel.on('error', () => undefined);
      await work(channel).catch(() => undefined);
      await channel.close().catch(() => undefined);
    };
    for (const queue of objects.queues) await remove((channel) => channel.deleteQueue(queue));
    for (const exchange of objects.exchanges) await remove((channel) => channel.deleteExchange(exchange));
  } finally {
    await connection.close();
  }
}
