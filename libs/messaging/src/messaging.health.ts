import { Inject, Injectable } from '@nestjs/common';
import { AmqpConnection } from './amqp/amqp-connection';
import { closeQuietly } from './amqp/close-quietly';
import { CONSUMED_EVENTS } from './messaging.tokens';
import { AmqpEventTransport } from './transport/amqp-event.transport';

/** Readiness of the messaging side: broker connected, and the service's consumer still attached. */
@Injectable()
export class MessagingHealth {
  constructor(
    private readonly amqp: AmqpConnection,
    private readonly transport: AmqpEventTransport,
    @Inject(CONSUMED_EVENTS) private readonly consumes: readonly string[],
  ) {}

  async checkBroker(): Promise<void> {
    if (!this.amqp.connected) throw new Error('RabbitMQ is not connected');
  }

  /** Consumers can silently detach (channel closed, queue deleted): a replica without one is not ready. */
  async checkConsumers(): Promise<void> {
    if (!this.transport.attached) throw new Error(`no consumer attached to ${this.transport.queues.main}`);
  }

  /**
   * Messages ready in the service's queue, waiting for a consumer (the broker's count, one passive
   * declare on a channel of its own: a missing queue closes that channel, not the consumer's). Null when
   * the service consumes nothing; throws when the broker does not answer.
   */
  async queuedMessages(): Promise<number | null> {
    if (this.consumes.length === 0) return null;
    return this.amqp.onceConnected(async (model) => {
      const channel = await model.createChannel();
      channel.on('error', () => undefined);
      try {
        return (await channel.checkQueue(this.transport.queues.main)).messageCount;
      } finally {
        await closeQuietly(channel);
      }
    }, 500);
  }
}
