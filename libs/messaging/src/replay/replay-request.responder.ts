import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { PLATFORM_CONFIG, type PlatformConfig } from '@tripartite/config';
import type { Channel, ChannelModel, ConsumeMessage } from 'amqplib';
import { AmqpConnection } from '../amqp/amqp-connection';
import { supervisedChannel } from '../amqp/supervised-channels';
import { OutboxReplayer } from '../outbox/outbox.replayer';
import { declareEventExchange } from '../topology/declare-topology';
import { REPLAY_REQUEST_ROUTING_KEY, replayRequestQueueOf, replayRequestSchema } from './replay-request';

/**
 * Answers replay requests (ADR 0019): every service with an outbox takes them from its own queue, bound to the
 * events exchange under `REPLAY_REQUEST_ROUTING_KEY`, and replays its retained log of the types asked to the one
 * queue named (`OutboxReplayer`: through the default exchange, no other consumer sees it). The queue is deleted
 * with its last consumer (auto-delete): a request reaches the producers running when it is made, one replica
 * of each (they compete for it). A request that cannot be served (invalid, queue gone) is dropped with a log.
 */
@Injectable()
export class ReplayRequestResponder implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReplayRequestResponder.name);
  readonly queue: string;
  /** Requests answered by this process (for tests and logs). */
  answered = 0;

  constructor(
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    private readonly amqp: AmqpConnection,
    private readonly replayer: OutboxReplayer,
  ) {
    this.queue = replayRequestQueueOf(config.AMQP_QUEUE_PREFIX, config.SERVICE_NAME);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.amqp.onConnected((model) => this.attach(model));
  }

  private async attach(model: ChannelModel): Promise<void> {
    const channel = await supervisedChannel(model);
    await declareEventExchange(channel, this.config.AMQP_EXCHANGE);
    await channel.assertQueue(this.queue, { durable: true, autoDelete: true });
    await channel.bindQueue(this.queue, this.config.AMQP_EXCHANGE, REPLAY_REQUEST_ROUTING_KEY);
    await channel.prefetch(1);
    await channel.consume(this.queue, (message) => {
      if (message) void this.answer(channel, message);
    });
  }

  private async answer(channel: Channel, message: ConsumeMessage): Promise<void> {
    try {
      const parsed = replayRequestSchema.safeParse(JSON.parse(message.content.toString('utf8')));
      if (!parsed.success) {
        this.logger.warn(`Dropping an invalid replay request: ${parsed.error.message}`);
        return;
      }
      const request = parsed.data;
      const replayed = await this.replayer.replay({ queue: request.queue, types: request.types });
      this.answered++;
      this.logger.log(
        `Replayed ${replayed} events to ${request.queue} for ${request.requestedBy} (request ${request.requestId})`,
      );
    } catch (error) {
      this.logger.error(
        `Replay request not served: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      try {
        channel.ack(message);
      } catch {
        // Channel gone: the request is redelivered to another replica or dropped with the queue.
      }
    }
  }
}
