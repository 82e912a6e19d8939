import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { PLATFORM_CONFIG, type PlatformConfig } from '@tripartite/config';
import type { EventEnvelope } from '@tripartite/events';
import type { ConfirmChannel } from 'amqplib';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AmqpConnection } from '../amqp/amqp-connection';
import { publishOptionsOf } from '../amqp/publish-options';
import { declareEventExchange } from '../topology/declare-topology';

/** PostgreSQL channel the outbox writer notifies at commit, so relays wake at once. */
export const OUTBOX_CHANNEL = 'tripartite_outbox';

const BATCH_SIZE = 500;
const PURGE_EVERY_MS = 60 * 60 * 1000;

/**
 * Publishes pending outbox rows to the topic exchange, in `seq` order, with publisher confirms, and
 * marks them sent. One relay at a time per database holds a transaction-scoped advisory lock, so with
 * several replicas each row is published once and events of one aggregate keep their order.
 * A crash between confirm and commit republishes the batch: consumers dedupe by event id (inbox).
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private channel: ConfirmChannel | undefined;
  private listener: Client | undefined;
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private woken = false;
  private lastPurge = 0;

  constructor(
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    private readonly dataSource: DataSource,
    private readonly amqp: AmqpConnection,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.running = true;
    await this.amqp.onConnected(async (model) => {
      const channel = await model.createConfirmChannel();
      await declareEventExchange(channel, this.config.AMQP_EXCHANGE);
      channel.on('close', () => {
        if (this.channel === channel) this.channel = undefined;
      });
      channel.on('error', () => undefined);
      this.channel = channel;
      this.notify();
    });
    await this.listen();
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.notify();
    await this.loop;
    await this.listener?.end().catch(() => undefined);
    await this.channel?.close().catch(() => undefined);
  }

  /** Asks the relay to look at the outbox now (also triggered by PostgreSQL NOTIFY). */
  notify(): void {
    this.woken = true;
    this.wake?.();
  }

  /** Publishes what is pending; returns how many rows were sent. Exposed for tests and tools. */
  async drain(): Promise<number> {
    const channel = this.channel;
    if (!channel) return 0;
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const [{ locked }] = await runner.query(
        "SELECT pg_try_advisory_xact_lock(hashtext('tripartite.outbox.relay')) AS locked",
      );
      if (!locked) {
        await runner.rollbackTransaction();
        return 0;
      }
      const rows: { seq: string; envelope: EventEnvelope }[] = await runner.query(
        'SELECT seq, envelope FROM outbox WHERE sent_at IS NULL ORDER BY seq LIMIT $1',
        [BATCH_SIZE],
      );
      if (rows.length > 0) {
        for (const { envelope } of rows) {
          channel.publish(
            this.config.AMQP_EXCHANGE,
            envelope.type,
            Buffer.from(JSON.stringify(envelope)),
            publishOptionsOf(envelope),
          );
        }
        await channel.waitForConfirms();
        await runner.query('UPDATE outbox SET sent_at = now() WHERE seq = ANY($1::bigint[])', [
          rows.map((row) => row.seq),
        ]);
      }
      await runner.commitTransaction();
      return rows.length;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  /** Deletes sent rows older than the retention; the rest of the log stays replayable. */
  async purge(): Promise<number> {
    const result = await this.dataSource.query(
      'DELETE FROM outbox WHERE sent_at IS NOT NULL AND sent_at < now() - make_interval(days => $1)',
      [this.config.OUTBOX_RETENTION_DAYS],
    );
    return (result as [unknown, number])[1] ?? 0;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      this.woken = false;
      try {
        const sent = await this.drain();
        failures = 0;
        if (Date.now() - this.lastPurge > PURGE_EVERY_MS) {
          this.lastPurge = Date.now();
          await this.purge();
        }
        if (sent > 0) continue;
      } catch (error) {
        failures++;
        if (failures === 1 || failures % 20 === 0) {
          this.logger.warn(`Outbox relay: ${(error as Error).message}; rows wait and will be retried`);
        }
      }
      if (!this.woken && this.running)
        await this.sleep(Math.min(this.config.OUTBOX_POLL_MS * 2 ** Math.min(failures, 4), 15_000));
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    }).then(() => {
      this.wake = undefined;
    });
  }

  /** LISTEN on a dedicated connection; if it drops, polling still moves the rows. */
  private async listen(): Promise<void> {
    const options = this.dataSource.options as { url: string };
    const client = new Client({ connectionString: options.url });
    client.on('error', (error) => this.logger.warn(`Outbox LISTEN connection: ${error.message}`));
    client.on('notification', () => this.notify());
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      this.listener = client;
    } catch (error) {
      this.logger.warn(`Outbox LISTEN unavailable (${(error as Error).message}); polling only`);
    }
  }
}
