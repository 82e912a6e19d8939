import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { loadConfig, type PlatformConfig, serviceConfigSchema } from '@tripartite/config';
import { type NewEvent, OutboxRelay, OutboxWriter, queueNamesFor } from '@tripartite/messaging';
import { createTestDatabase } from '@tripartite/testing';
import { connect } from 'amqplib';
import { DataSource } from 'typeorm';
import type { ArrivalLog } from './arrival-log';
import { type BenchPinged, benchCatalogue, benchPinged } from './bench-catalogue';
import { benchEnvelope } from './bench-envelope';
import { BenchPingedConsumer } from './bench-pinged.consumer';
import type { PendingReadCost } from './bench-report';
import { startBenchService } from './bench-service';
import { deleteBrokerObjects } from './broker-cleanup';
import type { CleanupStack } from './cleanup-stack';
import { publishWindowed } from './confirm-window';
import type { CpuUse } from './cpu-meter';
import { EffectCommitRecorder } from './effect-commit.recorder';
import { type LatencySummary, latenciesOf, summarise } from './latency-stats';
import { appendInOneStatement, appendWithoutNotify, type WriteVariant } from './outbox-write.variants';
import { offerAtRate } from './paced-load';
import { wallClockMs } from './wall-clock';

export const PRODUCER = 'bench-producer';
export const CONSUMER = 'bench-consumer';

export interface ThroughputResult {
  count: number;
  arrived: number;
  seconds: number;
  perSecond: number;
  /** Platform only: how long the writes alone took (all N outbox rows committed). */
  writeSeconds?: number;
  failures: number;
  duplicates: number;
  /** Filled in by the caller: how busy the machine and this process were during the phase. */
  cpu?: CpuUse;
}

export interface LatencyResult {
  offered: number;
  offerSeconds: number;
  arrived: number;
  latency: LatencySummary;
  /** Platform only: from the start of the write transaction, not its commit. */
  fromWriteStart?: LatencySummary;
  /** Platform only: where the time goes, from the rows' timestamps (see stageBreakdown). */
  stages?: Record<string, LatencySummary>;
  failures: number;
  duplicates: number;
  cpu?: CpuUse;
}

/**
 * The platform's event path, in this process: a producer service writing `bench.pinged` through
 * `OutboxWriter.append`, one transaction per event, its relay publishing with confirms, and a consumer
 * service applying it through the `@EventPattern` transport (inbox + effect row in one transaction).
 * Each service has its own new database; `env` carries the isolated exchange and queue prefix.
 */
export class PlatformPath {
  private constructor(
    private readonly producerData: DataSource,
    private readonly consumerData: DataSource,
    private readonly writer: OutboxWriter<typeof benchCatalogue>,
    private readonly relay: OutboxRelay,
    private readonly effects: ArrivalLog,
    private readonly amqpUrl: string,
    private readonly exchange: string,
    private readonly variant: WriteVariant,
  ) {}

  static async start(
    env: Record<string, string>,
    amqpUrl: string,
    variant: WriteVariant,
    cleanup: CleanupStack,
  ): Promise<PlatformPath> {
    const producerDb = await createTestDatabase('bench_producer');
    cleanup.add(`drop database ${producerDb.name}`, () => producerDb.drop());
    const consumerDb = await createTestDatabase('bench_consumer');
    cleanup.add(`drop database ${consumerDb.name}`, () => consumerDb.drop());
    const queues = queueNamesFor(env.AMQP_QUEUE_PREFIX, CONSUMER);
    cleanup.add('delete platform queues and exchange', () =>
      deleteBrokerObjects(amqpUrl, {
        queues: [queues.main, queues.retry(1), queues.retry(2), queues.retry(3), queues.parked],
        exchanges: [env.AMQP_EXCHANGE],
      }),
    );

    const recorder = new EffectCommitRecorder();
    const consumerConfig = loadConfig(serviceConfigSchema(CONSUMER, 0), {
      ...env,
      DATABASE_NAME: consumerDb.name,
    }) as PlatformConfig;
    // The consumer first, so its queue is bound before the producer's first event.
    const consumer = await startBenchService(
      {
        config: consumerConfig,
        controllers: [BenchPingedConsumer],
        providers: [{ provide: EffectCommitRecorder, useValue: recorder }],
      },
      (app) => app.get(DataSource).subscribers.push(recorder),
    );
    cleanup.add('close the consumer service', () => consumer.close());
    const producerConfig = loadConfig(serviceConfigSchema(PRODUCER, 0), {
      ...env,
      DATABASE_NAME: producerDb.name,
    }) as PlatformConfig;
    const producer: INestApplication = await startBenchService({
      config: producerConfig,
      controllers: [],
      providers: [],
    });
    cleanup.add('close the producer service', () => producer.close());
    return new PlatformPath(
      producer.get(DataSource),
      consumer.get(DataSource),
      producer.get<OutboxWriter<typeof benchCatalogue>>(OutboxWriter),
      producer.get(OutboxRelay),
      recorder.committed,
      amqpUrl,
      env.AMQP_EXCHANGE,
      variant,
    );
  }

  /** What a command hands to `OutboxWriter.append`; a new aggregate each time (see benchEnvelope). */
  private newEvent(seq: number, phase: string): NewEvent<typeof benchPinged.type, BenchPinged> {
    return {
      type: benchPinged.type,
      aggregateId: randomUUID(),
      aggregateVersion: 1,
      region: '53',
      payload: { seq, phase },
    };
  }

  /** One event, in its own transaction, as a command handler writes it (see WriteVariant). */
  private async write(seq: number, phase: string): Promise<void> {
    if (this.variant === 'library') {
      await this.producerData.transaction((manager) =>
        this.writer.append(manager, this.newEvent(seq, phase)),
      );
      return;
    }
    const envelope = benchEnvelope(seq, phase, PRODUCER);
    if (this.variant === 'single-statement') {
      await this.producerData.transaction((manager) => appendInOneStatement(manager, envelope));
      return;
    }
    await this.producerData.transaction((manager) => appendWithoutNotify(manager, envelope));
    this.relay.notify();
  }

  /**
   * `count` events written by `writers` concurrent loops, each event its own transaction; measured from
   * the first write's start to the last effect's commit.
   */
  async throughput(
    firstSeq: number,
    count: number,
    writers: number,
    phase: string,
    timeoutMs: number,
  ): Promise<ThroughputResult> {
    const duplicatesBefore = this.effects.duplicates;
    let next = firstSeq;
    const end = firstSeq + count;
    let failures = 0;
    const start = wallClockMs();
    await Promise.all(
      Array.from({ length: Math.min(writers, count) }, async () => {
        while (next < end) {
          const seq = next++;
          await this.write(seq, phase).catch(() => failures++);
        }
      }),
    );
    const written = wallClockMs();
    const result = await this.finish(firstSeq, count, start, timeoutMs, failures, duplicatesBefore);
    return { ...result, writeSeconds: (written - start) / 1000 };
  }

  /**
   * `rate × seconds` events offered open loop (see offerAtRate); each latency runs from the write's
   * commit (its transaction's promise resolving) to the effect's commit in the consumer.
   */
  async latency(
    firstSeq: number,
    rate: number,
    seconds: number,
    tickMs: number,
    phase: string,
    timeoutMs: number,
  ): Promise<LatencyResult> {
    const duplicatesBefore = this.effects.duplicates;
    const total = rate * seconds;
    const writeStarts = new Map<number, number>();
    const commits = new Map<number, number>();
    const writes: Promise<unknown>[] = [];
    let failures = 0;
    const offerMs = await offerAtRate(total, rate, tickMs, (index) => {
      const seq = firstSeq + index;
      writeStarts.set(seq, wallClockMs());
      writes.push(
        this.write(seq, phase).then(
          () => commits.set(seq, wallClockMs()),
          () => failures++,
        ),
      );
    });
    await Promise.all(writes);
    const arrived = await this.effects.waitForRange(firstSeq, firstSeq + total, timeoutMs);
    return {
      offered: total,
      offerSeconds: offerMs / 1000,
      arrived,
      latency: summarise(latenciesOf(commits, this.effects.times)),
      fromWriteStart: summarise(latenciesOf(writeStarts, this.effects.times)),
      stages: await this.stageBreakdown(phase, commits),
      failures,
      duplicates: this.effects.duplicates - duplicatesBefore,
    };
  }

  /**
   * Experiment: vacuums the producer's outbox. Each row marked sent leaves a dead entry in the
   * `outbox_pending` partial index until vacuum, and the relay's SELECT walks them all (bench/README.md).
   */
  async vacuumOutbox(): Promise<void> {
    await this.producerData.query('VACUUM outbox');
  }

  /**
   * Diagnostic: the relay's read of pending rows (the statement of OutboxRelay.drain, without its lock),
   * now that the run has marked many rows sent: each one left an entry in the `outbox_pending` index
   * until vacuum (bench/README.md).
   */
  async pendingReadCost(): Promise<PendingReadCost> {
    const [{ n }] = await this.producerData.query(
      'SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NOT NULL',
    );
    const plan: {
      'QUERY PLAN': [
        { 'Execution Time': number; Plan: { 'Shared Hit Blocks': number; 'Shared Read Blocks': number } },
      ];
    }[] = await this.producerData.query(
      'EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) SELECT seq, envelope FROM outbox WHERE sent_at IS NULL ORDER BY seq LIMIT 500',
    );
    const [{ 'Execution Time': executionMs, Plan: top }] = plan[0]['QUERY PLAN'];
    return { sentRows: n, executionMs, sharedBuffers: top['Shared Hit Blocks'] + top['Shared Read Blocks'] };
  }

  /**
   * Diagnostic: `count` events written in ONE transaction (so no per-event producer commit), measured
   * from that commit to the last effect: what the relay, the broker and the consumer manage together.
   */
  async backlog(
    firstSeq: number,
    count: number,
    phase: string,
    timeoutMs: number,
  ): Promise<ThroughputResult> {
    const duplicatesBefore = this.effects.duplicates;
    await this.producerData.transaction(async (manager) => {
      for (let seq = firstSeq; seq < firstSeq + count; seq++) {
        await this.writer.append(manager, this.newEvent(seq, phase));
      }
    });
    const start = wallClockMs();
    return this.finish(firstSeq, count, start, timeoutMs, 0, duplicatesBefore);
  }

  /**
   * Diagnostic: `count` envelopes published straight to the exchange with amqplib (no outbox, no relay),
   * at most `window` unconfirmed, measured from the first publish to the last effect: what the
   * consumer alone manages (inbox + effect transaction per event, prefetch, transaction semaphore).
   */
  async consumerAlone(
    firstSeq: number,
    count: number,
    window: number,
    phase: string,
    timeoutMs: number,
  ): Promise<ThroughputResult> {
    const duplicatesBefore = this.effects.duplicates;
    const model = await connect(this.amqpUrl);
    try {
      const channel = await model.createConfirmChannel();
      const start = wallClockMs();
      const refused = await publishWindowed(channel, count, window, (index, confirmed) => {
        const envelope = benchEnvelope(firstSeq + index, phase, 'bench-direct');
        return channel.publish(
          this.exchange,
          envelope.type,
          Buffer.from(JSON.stringify(envelope)),
          { persistent: true, messageId: envelope.id, contentType: 'application/json', type: envelope.type },
          confirmed,
        );
      });
      return await this.finish(firstSeq, count, start, timeoutMs, refused, duplicatesBefore);
    } finally {
      await model.close().catch(() => undefined);
    }
  }

  private async finish(
    firstSeq: number,
    count: number,
    start: number,
    timeoutMs: number,
    failures: number,
    duplicatesBefore: number,
  ): Promise<ThroughputResult> {
    const end = firstSeq + count;
    const arrived = await this.effects.waitForRange(firstSeq, end, timeoutMs);
    const last = arrived === count ? this.effects.lastOf(firstSeq, end) : wallClockMs();
    const seconds = (last - start) / 1000;
    return {
      count,
      arrived,
      seconds,
      perSecond: arrived / seconds,
      failures,
      duplicates: this.effects.duplicates - duplicatesBefore,
    };
  }

  /**
   * Where a phase's latency goes, from timestamps both databases already keep (`now()` is the start
   * of the transaction that ran it): the outbox row's `sent_at` is when the relay's draining
   * transaction began, the inbox row's `received_at` when the consumer's transaction began.
   * - commit → relay drain start: how long the row waited for the relay (NOTIFY wake-up, or the relay
   *   busy with the previous batch);
   * - relay drain start → consumer tx start: the relay's SELECT, publish, confirm, the broker's
   *   delivery, and the consumer's wait for a place (prefetch, transaction semaphore, pool);
   * - consumer tx start → effect committed: the inbox insert, the handler's insert, the COMMIT.
   */
  private async stageBreakdown(
    phase: string,
    commits: ReadonlyMap<number, number>,
  ): Promise<Record<string, LatencySummary>> {
    const sent: { id: string; seq: string; sent_ms: number }[] = await this.producerData.query(
      `SELECT id, envelope->'payload'->>'seq' AS seq, extract(epoch FROM sent_at) * 1000 AS sent_ms
         FROM outbox WHERE envelope->'payload'->>'phase' = $1 AND sent_at IS NOT NULL`,
      [phase],
    );
    const received: { event_id: string; received_ms: number }[] = await this.consumerData.query(
      `SELECT i.event_id, extract(epoch FROM i.received_at) * 1000 AS received_ms
         FROM inbox i JOIN bench_effects e ON e.event_id = i.event_id`,
    );
    const receivedById = new Map(received.map((row) => [row.event_id, Number(row.received_ms)]));
    const waitForRelay: number[] = [];
    const relayToConsumer: number[] = [];
    const consumerTx: number[] = [];
    for (const row of sent) {
      const seq = Number(row.seq);
      const commit = commits.get(seq);
      const sentMs = Number(row.sent_ms);
      const receivedMs = receivedById.get(row.id);
      const effect = this.effects.times.get(seq);
      if (commit === undefined || receivedMs === undefined || effect === undefined) continue;
      waitForRelay.push(sentMs - commit);
      relayToConsumer.push(receivedMs - sentMs);
      consumerTx.push(effect - receivedMs);
    }
    return {
      'commit → relay drain start': summarise(waitForRelay),
      'relay drain start → consumer tx start': summarise(relayToConsumer),
      'consumer tx start → effect committed': summarise(consumerTx),
    };
  }
}
