import { connect } from 'amqplib';

const AMQP_URL = process.env.TEST_AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

/** Deletes a test file's exchange and queues from the shared broker. */
export async function deleteBrokerObjects(
  exchange: string,
  queuePrefix: string,
  services: string[],
): Promise<void> {
  const connection = await connect(AMQP_URL);
  try {
    for (const service of services) {
      const main = `${queuePrefix}.${service}`;
      for (const queue of [main, `${main}.parked`, `${main}.retry.1`, `${main}.retry.2`, `${main}.retry.3`]) {
        const channel = await connection.createChannel();
        channel.on('error', () => undefined);
        await channel.deleteQueue(queue).catch(() => undefined);
        await channel.close().catch(() => undefined);
      }
    }
    const channel = await connection.createChannel();
    channel.on('error', () => undefined);
    await channel.deleteExchange(exchange).catch(() => undefined);
    await channel.close().catch(() => undefined);
  } finally {
    await connection.close();
  }
}

/** Publishes raw bytes to the exchange as a misbehaving producer would. */
export async function publishRaw(exchange: string, routingKey: string, body: Buffer | object): Promise<void> {
  const connection = await connect(AMQP_URL);
  try {
    const channel = await connection.createConfirmChannel();
    const content = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
    channel.publish(exchange, routingKey, content, { persistent: true });
    await channel.waitForConfirms();
    await channel.close();
  } finally {
    await connection.close();
  }
}

/** Whether the broker has this queue (a passive declare answers 404 when it does not). */
export async function queueExists(queue: string): Promise<boolean> {
  const connection = await connect(AMQP_URL);
  try {
    const channel = await connection.createChannel();
    channel.on('error', () => undefined);
    return await channel.checkQueue(queue).then(
      () => true,
      () => false,
    );
  } finally {
    await connection.close();
  }
}
