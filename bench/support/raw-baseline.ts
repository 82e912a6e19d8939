import { type Channel, type ChannelModel, type ConfirmChannel, connect } from 'amqplib';
import { ArrivalLog } from './arrival-log';
import { benchEnvelope } from './bench-envelope';
import { publishWindowed } from './confirm-window';
import { latenciesOf, summarise } from './latency-stats';
import { offerAtRate } from './paced-load';
import type { LatencyResult, ThroughputResult } from './platform-path';
import { wallClockMs } from './wall-clock';

export interface RawBaselineOptions {
  amqpUrl: string;
  exchange: string;
  queue: string;
  prefetch: number;
  /** The same cap on redeliveries as the platform's main queues carry. */
  deliveryLimit: number;
}

const ROUTING_KEY = 'bench.raw';

/**
 * The broker alone, with amqplib and nothing else: a confirm channel publishing persistent messages to
 * a durable topic exchange, bound to a durable quorum queue (the platform's queue type), consumed with
 * manual acks and the platform's prefetch. Publisher and consumer have a connection each, as the
 * producing and consuming services do. Bodies are event envelopes of the platform's size.
 */
export class RawBaseline {
  private readonly receipts = new ArrivalLog();
  private publishFailures = 0;

  private constructor(
    private readonly publisherModel: ChannelModel,
    private readonly consumerModel: ChannelModel,
    private readonly publisher: ConfirmChannel,
    private readonly consumer: Channel,
    private readonly options: RawBaselineOptions,
  ) {}

  static async open(options: RawBaselineOptions): Promise<RawBaseline> {
    const publisherModel = await connect(options.amqpUrl, {
      clientProperties: { connection_name: 'bench-raw-pub' },
    });
    const consumerModel = await connect(options.amqpUrl, {
      clientProperties: { connection_name: 'bench-raw-sub' },
    }).catch(async (error) => {
      await publisherModel.close().catch(() => undefined);
      throw error;
    });
    try {
      const publisher = await publisherModel.createConfirmChannel();
      const consumer = await consumerModel.createChannel();
      await consumer.assertExchange(options.exchange, 'topic', { durable: true });
      await consumer.assertQueue(options.queue, {
        durable: true,
        arguments: { 'x-queue-type': 'quorum', 'x-delivery-limit': options.deliveryLimit },
      });
      await consumer.bindQueue(options.queue, options.exchange, ROUTING_KEY);
      await consumer.prefetch(options.prefetch);
      const baseline = new RawBaseline(publisherModel, consumerModel, publisher, consumer, options);
      await consumer.consume(options.queue, (message) => {
        if (!message) return;
        baseline.receipts.record(Number(message.properties.messageId), wallClockMs());
        consumer.ack(message);
      });
      return baseline;
    } catch (error) {
      await publisherModel.close().catch(() => undefined);
      await consumerModel.close().catch(() => undefined);
      throw error;
    }
  }

  /** Publishes one message; `confirmed` runs when the broker confirms it (or refuses it). */
  private publish(seq: number, phase: string, confirmed: (error: unknown) => void): boolean {
    return this.publisher.publish(
      this.options.exchange,
      ROUTING_KEY,
      Buffer.from(JSON.stringify(benchEnvelope(seq, phase, 'bench-raw'))),
      { persistent: true, messageId: String(seq), contentType: 'application/json', type: ROUTING_KEY },
      (error) => {
        if (error) this.publishFailures++;
        confirmed(error);
      },
    );
  }

  /**
   * `count` messages as fast as the broker confirms them, keeping at most `window` unconfirmed (the
   * relay publishes batches of up to 500 and waits for their confirms); measured from the first
   * publish to the last receipt.
   */
  async throughput(
    firstSeq: number,
    count: number,
    window: number,
    phase: string,
    timeoutMs: number,
  ): Promise<ThroughputResult> {
    const failuresBefore = this.publishFailures;
    const duplicatesBefore = this.receipts.duplicates;
    const start = wallClockMs();
    await publishWindowed(this.publisher, count, window, (index, confirmed) =>
      this.publish(firstSeq + index, phase, confirmed),
    );
    const arrived = await this.receipts.waitForRange(firstSeq, firstSeq + count, timeoutMs);
    const last = arrived === count ? this.receipts.lastOf(firstSeq, firstSeq + count) : wallClockMs();
    const seconds = (last - start) / 1000;
    return {
      count,
      arrived,
      seconds,
      perSecond: arrived / seconds,
      failures: this.publishFailures - failuresBefore,
      duplicates: this.receipts.duplicates - duplicatesBefore,
    };
  }

  /**
   * `rate × seconds` messages offered open loop (see offerAtRate), each published at once with its
   * own confirm callback; each latency runs from the start of its publish to its receipt.
   */
  async latency(
    firstSeq: number,
    rate: number,
    seconds: number,
    tickMs: number,
    phase: string,
    timeoutMs: number,
  ): Promise<LatencyResult> {
    const failuresBefore = this.publishFailures;
    const duplicatesBefore = this.receipts.duplicates;
    const total = rate * seconds;
    const starts = new Map<number, number>();
    const offerMs = await offerAtRate(total, rate, tickMs, (index) => {
      const seq = firstSeq + index;
      starts.set(seq, wallClockMs());
      this.publish(seq, phase, () => undefined);
    });
    const arrived = await this.receipts.waitForRange(firstSeq, firstSeq + total, timeoutMs);
    return {
      offered: total,
      offerSeconds: offerMs / 1000,
      arrived,
      latency: summarise(latenciesOf(starts, this.receipts.times)),
      failures: this.publishFailures - failuresBefore,
      duplicates: this.receipts.duplicates - duplicatesBefore,
    };
  }

  /** The broker's version, for the report. */
  get brokerVersion(): string {
    return String(this.publisherModel.connection.serverProperties.version ?? 'unknown');
  }

  async close(): Promise<void> {
    await this.consumer.close().catch(() => undefined);
    await this.publisher.close().catch(() => undefined);
    await this.consumerModel.close().catch(() => undefined);
    await this.publisherModel.close().catch(() => undefined);
  }
}
