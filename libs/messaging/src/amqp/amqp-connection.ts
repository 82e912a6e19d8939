import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { PLATFORM_CONFIG, type PlatformConfig } from '@tripartite/config';
import { type ChannelModel, connect, type RecoveringChannelModel } from 'amqplib';
import { closeQuietly } from './close-quietly';

type ConnectedListener = (model: ChannelModel) => Promise<void>;

/**
 * The process's one connection to RabbitMQ, re-established after a broker restart by amqplib's
 * recovery. Publishers and consumers register what to (re)create on every new connection.
 */
@Injectable()
export class AmqpConnection implements OnApplicationShutdown {
  private readonly logger = new Logger(AmqpConnection.name);
  private readonly listeners: ConnectedListener[] = [];
  private recovering: RecoveringChannelModel | undefined;
  private pending: Promise<RecoveringChannelModel> | undefined;
  private model: ChannelModel | undefined;
  private closing = false;

  constructor(@Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig) {}

  get connected(): boolean {
    return this.model !== undefined;
  }

  get exchange(): string {
    return this.config.AMQP_EXCHANGE;
  }

  /** Registers work to run on each (re)connection; runs it at once when already connected. */
  async onConnected(listener: ConnectedListener): Promise<void> {
    this.listeners.push(listener);
    this.start();
    if (this.model) await listener(this.model);
  }

  /** Runs `work` once on the current connection, waiting (bounded) for one if the broker is away. */
  async onceConnected<T>(work: (model: ChannelModel) => Promise<T>, timeoutMs = 10_000): Promise<T> {
    this.start();
    const deadline = Date.now() + timeoutMs;
    while (!this.model) {
      if (Date.now() > deadline) throw new Error('RabbitMQ is not reachable');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return work(this.model);
  }

  private start(): void {
    if (this.recovering || this.closing) return;
    const connection = connect(this.config.AMQP_URL, {
      clientProperties: { connection_name: `${this.config.SERVICE_NAME}:${process.pid}` },
      recovery: {
        waitForConnect: false,
        initialDelay: 200,
        maxDelay: 5000,
        // A failing listener (topology refused, channel error) throws here: amqplib reconnects and retries.
        setup: async (model: ChannelModel) => {
          // amqplib listens to a new connection only once this setup is over. Until then a dropped socket
          // would emit 'error' with no listener: amqplib then throws from its socket handler before
          // closing the connection, the channel awaited here never settles, and recovery waits on this
          // setup forever (the broker-outage flake). With a listener the connection closes, the awaited
          // channel operation rejects, and amqplib retries the connection.
          model.on('error', () => undefined);
          for (const listener of this.listeners) await listener(model);
          this.model = model;
        },
      },
    });
    connection.then(
      (recovering) => {
        this.recovering = recovering;
        recovering.on('disconnect', (error: Error) => {
          this.model = undefined;
          if (!this.closing) this.logger.warn(`RabbitMQ connection lost: ${error.message}; reconnecting`);
        });
        recovering.on('connect', () => this.logger.log('RabbitMQ connected'));
        recovering.on('connect-failed', (error: Error) =>
          this.logger.warn(`RabbitMQ connection or channel setup failed: ${error.message}; retrying`),
        );
        recovering.on('reconnect-scheduled', ({ attempt, delay }: { attempt: number; delay: number }) => {
          if (attempt === 1 || attempt % 10 === 0) {
            this.logger.warn(`RabbitMQ unreachable, attempt ${attempt}; retrying in ${delay} ms`);
          }
        });
        recovering.on('error', (error: Error) => this.logger.warn(`RabbitMQ: ${error.message}`));
      },
      (error: Error) => this.logger.error(`RabbitMQ connection failed: ${error.message}`),
    );
    // Keep the promise reachable so close() can stop a connection still being attempted.
    this.pending = connection;
  }

  async close(): Promise<void> {
    this.closing = true;
    this.model = undefined;
    const recovering = this.recovering ?? (await this.pending?.catch(() => undefined));
    await closeQuietly(recovering, 3_000);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }
}
