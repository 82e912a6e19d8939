import { Inject, Injectable, Logger } from '@nestjs/common';
import { PLATFORM_CONFIG, type PlatformConfig } from '@tripartite/config';
import { type EventCatalogue, readsVersion } from '@tripartite/events';
import type { Channel, ChannelModel, ConfirmChannel, ConsumeMessage } from 'amqplib';
import { AmqpConnection } from '../amqp/amqp-connection';
import { closeQuietly } from '../amqp/close-quietly';
import { supervisedChannel, supervisedConfirmChannel } from '../amqp/supervised-channels';
import { EVENT_CATALOGUE, PARKED_SWEEP_MS } from '../messaging.tokens';
import { type QueueNames, queueNamesFor } from '../topology/queue-names';
import { type ParkedMessage, parkedMessageOf, replayPropertiesOf } from './parked-message';
import { ParkedMessageReplayer } from './parked-message.replayer';
import { ParkedMessageRepository } from './parked-message.repository';

/**
 * Moves what lands in the service's parking queue into its parked-message log (the table the admin
 * view lists and replays from), and puts back on the service's queue every message that was parked for
 * being of a version newer than its consumer read, once this release reads it: as it arrives, on every
 * (re)connection, and every `PARKED_SWEEP_MS` (an older replica may still park one during a rolling
 * deploy). Started by the transport once its queues exist.
 */
@Injectable()
export class ParkedMessageCollector {
  private readonly logger = new Logger(ParkedMessageCollector.name);
  private readonly queues: QueueNames;
  /** Handled type → the current version this release reads. */
  private reads = new Map<string, number>();
  private channel: Channel | undefined;
  private confirm: ConfirmChannel | undefined;
  private sweep: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    @Inject(PLATFORM_CONFIG) config: PlatformConfig,
    @Inject(EVENT_CATALOGUE) private readonly catalogue: EventCatalogue,
    @Inject(PARKED_SWEEP_MS) private readonly sweepMs: number,
    private readonly amqp: AmqpConnection,
    private readonly parked: ParkedMessageRepository,
    private readonly replayer: ParkedMessageReplayer,
  ) {
    this.queues = queueNamesFor(config.AMQP_QUEUE_PREFIX, config.SERVICE_NAME);
  }

  /** Starts collecting for a service that handles `types` (its parking queue must be declared first). */
  async start(types: readonly string[]): Promise<void> {
    this.reads = new Map(types.map((type) => [type, this.catalogue[type]?.version ?? 0]));
    await this.amqp.onConnected((model) => this.attach(model));
    this.sweep = setInterval(() => void this.replayNowRead(), this.sweepMs);
    this.sweep.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.sweep);
    await closeQuietly(this.channel);
    await closeQuietly(this.confirm);
  }

  /**
   * Puts back on the service's queue the logged messages parked for a version this release reads.
   * Answers how many.
   */
  async replayNowRead(): Promise<number> {
    if (this.stopped || this.reads.size === 0) return 0;
    try {
      const replayed = await this.replayer.replay({ newerVersionsNowRead: this.reads });
      if (replayed.length > 0) {
        this.logger.log(`Replayed ${replayed.length} message(s) parked for a version this release reads`);
      }
      return replayed.length;
    } catch (error) {
      this.logger.warn(`Replaying messages parked for a newer version failed: ${(error as Error).message}`);
      return 0;
    }
  }

  private async attach(model: ChannelModel): Promise<void> {
    if (this.stopped) return;
    const confirm = await supervisedConfirmChannel(model);
    const channel = await supervisedChannel(model);
    await channel.prefetch(10);
    this.confirm = confirm;
    this.channel = channel;
    await channel.consume(this.queues.parked, (message) => {
      if (message) void this.collect(channel, confirm, message);
    });
    // Not awaited: the replay waits for this connection's setup (this method) to be over.
    setImmediate(() => void this.replayNowRead());
  }

  private async collect(channel: Channel, confirm: ConfirmChannel, message: ConsumeMessage): Promise<void> {
    const parked = parkedMessageOf(message, new Date());
    try {
      if (this.readsNow(parked)) {
        confirm.sendToQueue(this.queues.main, parked.content, replayPropertiesOf(parked, new Date()));
        await confirm.waitForConfirms();
      } else {
        await this.parked.keep(parked);
      }
    } catch (error) {
      this.logger.warn(`Could not collect a parked message: ${(error as Error).message}; retrying`);
      // Database or broker away: give it back a little later rather than spinning on it.
      setTimeout(() => {
        try {
          channel.nack(message, false, true);
        } catch {
          // Channel gone: the broker requeues it anyway.
        }
      }, 1_000).unref();
      return;
    }
    try {
      channel.ack(message);
    } catch {
      // Channel gone: redelivered later, and kept once (same fingerprint) or replayed to a deduplicating inbox.
    }
  }

  private readsNow(parked: ParkedMessage): boolean {
    if (parked.unknownVersion === null || parked.type === null) return false;
    const definition = this.catalogue[parked.type];
    return this.reads.has(parked.type) && !!definition && readsVersion(definition, parked.unknownVersion);
  }
}
