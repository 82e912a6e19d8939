import { Injectable } from '@nestjs/common';
import { AmqpConnection } from './amqp/amqp-connection';
import { closeQuietly } from './amqp/close-quietly';
import { supervisedChannel } from './amqp/supervised-channels';
import { AmqpEventTransport } from './transport/amqp-event.transport';

/** Readiness of the messaging side: broker connected, and the service's consumer still attached. */
@Injectable()
export class MessagingHealth {
  constructor(
    private readonly amqp: AmqpConnection,
    private readonly transport: AmqpEventTransport,
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
   * the service has no queue (it consumes nothing); throws when the broker does not answer.
   */
  async queuedMessages(): Promise<number | null> {
    return this.amqp.onceConnected(async (model) => {
      const channel = await supervisedChannel(model);
      try {
        return (await channel.checkQueue(this.transport.queues.main)).messageCount;
      } catch (error) {
        if ((error as { code?: unknown }).code === NOT_FOUND) return null;
        throw error;
      } finally {
        await closeQuietly(channel);
      }
    }, 500);
  }
}

/** AMQP reply code of a passive declare on a queue that does not exist. */
const NOT_FOUND = 404;
