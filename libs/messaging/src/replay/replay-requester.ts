import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PLATFORM_CONFIG, type PlatformConfig } from '@tripartite/config';
import { AmqpConnection } from '../amqp/amqp-connection';
import { closeQuietly } from '../amqp/close-quietly';
import { declareEventExchange } from '../topology/declare-topology';
import { REPLAY_REQUEST_ROUTING_KEY, type ReplayRequestMessage } from './replay-request';

/**
 * Asks every producing service to replay its retained event log of the given types to one queue (ADR 0019):
 * how a consumer rebuilds its projections, after it emptied them and forgot those types in its inbox.
 */
@Injectable()
export class ReplayRequester {
  constructor(
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    private readonly amqp: AmqpConnection,
  ) {}

  async request(request: { queue: string; types: readonly string[] }): Promise<ReplayRequestMessage> {
    const message: ReplayRequestMessage = {
      requestId: randomUUID(),
      queue: request.queue,
      types: [...request.types],
      requestedBy: this.config.SERVICE_NAME,
    };
    await this.amqp.onceConnected(async (model) => {
      const channel = await model.createConfirmChannel();
      try {
        await declareEventExchange(channel, this.config.AMQP_EXCHANGE);
        channel.publish(
          this.config.AMQP_EXCHANGE,
          REPLAY_REQUEST_ROUTING_KEY,
          Buffer.from(JSON.stringify(message)),
          {
            persistent: true,
            messageId: message.requestId,
            contentType: 'application/json',
            appId: this.config.SERVICE_NAME,
          },
        );
        await channel.waitForConfirms();
      } finally {
        await closeQuietly(channel);
      }
    });
    return message;
  }
}
