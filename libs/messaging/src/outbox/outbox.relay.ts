import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { PLATFORM_CONFIG, type PlatformConfig } from '@tripartite/config';
import type { EventEnvelope } from '@tripartite/events';
import { type TraceCarrier, withTraceOf } from '@tripartite/telemetry';
import type { ConfirmChannel } from 'amqplib';
import { DataSource } from 'typeorm';
import { AmqpConnection } from '../amqp/amqp-connection';
import { closeQuietly } from '../amqp/close-quietly';
import { publishOptionsOf } from '../amqp/publish-options';
import { supervisedConfirmChannel } from '../amqp/supervised-channels';
import { declareEventExchange } from '../topology/declare-topology';

/** Rows one relay transaction publishes at most before it marks them sent and commits. */
const BATCH_SIZE = 500;
const PURGE_EVERY_MS = 60 * 60 * 1000;
/** Another replica holds the relay lock: it may be finishing its last batch, so look again soon. */
const LOCK_BUSY_RETRY_MS = 25;

/**
 * The first round trip of a pass, one simple-query message: the transaction, the relay lock, then (only
 * if the lock was taken) the first batch. The LEFT JOIN keeps one row with `locked` even when nothing is
 * pending, so "busy" and "empty" are told apart.
 * - The commit that marks rows sent need not wait for the disk: if PostgreSQL loses it in a crash, those
 *   rows are published again, and consumers' inboxes already treat a republished event as the duplicate
 *   it is.
 * - The read walks `outbox_pending` in `seq` order (an index scan). Every row marked sent leaves a dead
 *   entry in that index until vacuum; an index scan marks the entries it finds dead and skips them
 *   cheaply afterwards, whereas the bitmap scan the planner otherwise picks for "few pending rows"
 *   visits every one of them on every pass: at 500 events/s, +20-60 % machine CPU per event and a p99
 *   half as long again (A/B in bench/README.md). A sequential scan of the whole event log would be worse.
 */
const BEGIN_AND_READ = `BEGIN;
  SET LOCAL synchronous_commit = off;
  SET LOCAL enable_bitmapscan = off;
  SET LOCAL enable_seqscan = off;
  SELECT l.locked, o.seq, o.envelope, o.trace_context
    FROM (SELECT pg_try_advisory_xact_lock(hashtext('tripartite.outbox.relay')) AS locked) l
    LEFT JOIN LATERAL (
      SELECT seq, envelope, trace_context FROM outbox WHERE l.locked AND sent_at IS NULL ORDER BY seq LIMIT ${BATCH_SIZE}
    ) o ON true`;

/** Marks a confirmed pass sent and commits: the second round trip. */
function markSentAndCommit(rows: readonly OutboxRow[]): string {
  return `UPDATE outbox SET sent_at = now() WHERE seq IN (${rows.map(({ seq }) => digits(seq)).join(',')}); COMMIT`;
}

/** Seqs are PostgreSQL's own bigints, written into the statements above: make sure they are nothing else. */
function digits(seq: string): string {
  if (!/^\d+$/.test(seq)) throw new Error(`unexpected outbox seq ${seq}`);
  return seq;
}

interface OutboxRow {
  seq: string;
  envelope: EventEnvelope;
  /** The trace of the command that wrote the event, if it ran in one. */
  trace_context: TraceCarrier | null;
}

/** A row of the first read: whether the lock was taken, then the first pending row if any. */
type PendingRow = { locked: boolean } & (OutboxRow | { seq: null; envelope: null; trace_context: null });

/** The pg client under TypeORM's query runner: a multi-statement simple query returns one result each. */
interface SimpleQueryClient {
  query(text: string): Promise<unknown>;
}

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
      const channel = await supervisedConfirmChannel(model);
      await declareEventExchange(channel, this.config.AMQP_EXCHANGE);
      channel.on('close', () => {
        if (this.channel === channel) this.channel = undefined;
      });
      this.channel = channel;
      this.notify();
    });
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.notify();
    await this.loop;
    await closeQuietly(this.channel);
  }

  /** Asks the relay to look at the outbox now (after a commit that wrote events). */
  notify(): void {
    this.woken = true;
    this.wake?.();
  }

  /**
   * Publishes what is pending; returns how many rows were sent, or 'busy' when another replica holds the
   * relay lock. Exposed for tests and tools.
   *
   * One pass is one transaction holding the relay lock, in two round trips to PostgreSQL whatever the
   * batch: begin, lock and read the pending rows; then, once the broker has confirmed every one of them,
   * mark them sent and commit.
   */
  async drain(): Promise<number | 'busy'> {
    const channel = this.channel;
    if (!channel) return 0;
    const runner = this.dataSource.createQueryRunner();
    const client = (await runner.connect()) as SimpleQueryClient;
    try {
      const results = (await client.query(BEGIN_AND_READ)) as { rows: PendingRow[] }[];
      const first = results[results.length - 1];
      if (first.rows[0]?.locked !== true) {
        await client.query('ROLLBACK');
        return 'busy';
      }
      const sent: OutboxRow[] = first.rows.filter((row): row is PendingRow & OutboxRow => row.seq !== null);
      if (sent.length === 0) {
        await client.query('COMMIT');
        return 0;
      }
      this.publish(channel, sent);
      await channel.waitForConfirms();
      await client.query(markSentAndCommit(sent));
      return sent.length;
    } catch (error) {
      // Whatever failed (a read, a confirm, the marking), nothing is marked: the rows wait for the next pass.
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  /**
   * Each event leaves in the trace of the command that wrote it (ADR 0013): its `traceparent` rides in
   * the AMQP headers, and the publish happens in that context, so an instrumented client makes its span
   * there and passes its own on instead.
   */
  private publish(channel: ConfirmChannel, rows: readonly OutboxRow[]): void {
    for (const { envelope, trace_context: trace } of rows) {
      withTraceOf(trace, () =>
        channel.publish(
          this.config.AMQP_EXCHANGE,
          envelope.type,
          Buffer.from(JSON.stringify(envelope)),
          publishOptionsOf(envelope, trace ?? {}),
        ),
      );
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
        if (sent === BATCH_SIZE) continue; // a full batch: more may be waiting
        if (sent === 'busy') {
          await this.sleep(LOCK_BUSY_RETRY_MS);
          continue;
        }
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
}
