import type { Channel } from 'amqplib';
import type { QueueNames } from './queue-names';
import type { RetryPolicy } from './retry-policy';

/** The durable topic exchange every domain event is published to. Idempotent: safe at every boot. */
export async function declareEventExchange(channel: Channel, exchange: string): Promise<void> {
  await channel.assertExchange(exchange, 'topic', { durable: true });
}

/**
 * A consuming service's queues, declared idempotently at boot:
 * - main: durable quorum queue bound to the routing keys the service handles; a message redelivered
 *   more than `deliveryLimit` times (its handler kills the process) is dead-lettered to `parked`;
 * - retry.N: holds a failed message for the Nth delay, then dead-letters it back to main only
 *   (through the default exchange, so no other service sees it twice);
 * - parked: keeps what could not be handled, with the reason in its headers, until someone looks.
 */
export async function declareConsumerQueues(
  channel: Channel,
  exchange: string,
  names: QueueNames,
  routingKeys: readonly string[],
  policy: RetryPolicy,
): Promise<void> {
  await declareEventExchange(channel, exchange);
  await channel.assertQueue(names.parked, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
  await channel.assertQueue(names.main, {
    durable: true,
    arguments: {
      'x-queue-type': 'quorum',
      'x-delivery-limit': policy.deliveryLimit,
      'x-dead-letter-exchange': '',
      'x-dead-letter-routing-key': names.parked,
    },
  });
  for (let attempt = 1; attempt < policy.maxAttempts; attempt++) {
    await channel.assertQueue(names.retry(attempt), {
      durable: true,
      arguments: {
        'x-queue-type': 'quorum',
        'x-message-ttl': policy.delaysMs[attempt - 1] ?? policy.delaysMs.at(-1) ?? 1_000,
        'x-dead-letter-exchange': '',
        'x-dead-letter-routing-key': names.main,
        'x-dead-letter-strategy': 'at-least-once',
        'x-overflow': 'reject-publish',
      },
    });
  }
  for (const key of routingKeys) await channel.bindQueue(names.main, exchange, key);
}
