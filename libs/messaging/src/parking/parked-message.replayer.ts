import { Inject, Injectable } from '@nestjs/common';
import { PLATFORM_CONFIG, type PlatformConfig } from '@tripartite/config';
import { DataSource, type EntityManager } from 'typeorm';
import { AmqpConnection } from '../amqp/amqp-connection';
import { closeQuietly } from '../amqp/close-quietly';
import { supervisedConfirmChannel } from '../amqp/supervised-channels';
import { queueNamesFor } from '../topology/queue-names';
import { replayPropertiesOf } from './parked-message';
import {
  ParkedMessageRepository,
  type ReplaySelection,
  type StoredParkedMessage,
} from './parked-message.repository';

/**
 * Puts parked messages back on this service's own queue (through the default exchange: no other
 * service sees them again), with their tries counted from one. The service's inbox makes a message
 * already applied a no-op, so a replay never applies an event twice.
 */
@Injectable()
export class ParkedMessageReplayer {
  private readonly queue: string;

  constructor(
    @Inject(PLATFORM_CONFIG) config: PlatformConfig,
    private readonly dataSource: DataSource,
    private readonly amqp: AmqpConnection,
    private readonly parked: ParkedMessageRepository,
  ) {
    this.queue = queueNamesFor(config.AMQP_QUEUE_PREFIX, config.SERVICE_NAME).main;
  }

  /**
   * In one transaction: locks the selected messages, publishes them (confirmed by the broker), removes
   * them from the log and runs `record` (e.g. the audit entry). If anything fails nothing is removed; a
   * message published before the failure is then published again by the next replay, and deduplicated.
   */
  async replay(
    selection: ReplaySelection,
    record?: (manager: EntityManager, replayed: StoredParkedMessage[]) => Promise<void>,
  ): Promise<StoredParkedMessage[]> {
    return this.dataSource.transaction(async (manager) => {
      const messages = await this.parked.lockForReplay(manager, selection);
      if (messages.length > 0) {
        await this.publish(messages);
        await this.parked.delete(
          manager,
          messages.map((message) => message.id),
        );
      }
      await record?.(manager, messages);
      return messages;
    });
  }

  private async publish(messages: StoredParkedMessage[]): Promise<void> {
    const now = new Date();
    await this.amqp.onceConnected(async (model) => {
      const channel = await supervisedConfirmChannel(model);
      try {
        // A queue that is gone would swallow what is sent to it: fail instead.
        await channel.checkQueue(this.queue);
        for (const message of messages) {
          channel.sendToQueue(this.queue, message.content, replayPropertiesOf(message, now));
        }
        await channel.waitForConfirms();
      } finally {
        await closeQuietly(channel);
      }
    });
  }
}
