import { Injectable } from '@nestjs/common';
import { AmqpConnection } from './amqp/amqp-connection';
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
}
