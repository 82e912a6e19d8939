import { Inject, Injectable } from '@nestjs/common';
import { type CustomTransportStrategy, type MessageHandler, Server } from '@nestjs/microservices';
import { PLATFORM_CONFIG, type PlatformConfig } from '@tripartite/config';
import { runWithContext, systemActor } from '@tripartite/context';
import type { EventCatalogue, EventEnvelope } from '@tripartite/events';
import type { Channel, ChannelModel, ConfirmChannel, ConsumeMessage } from 'amqplib';
import { lastValueFrom } from 'rxjs';
import { DataSource, type EntityManager } from 'typeorm';
import { AmqpConnection } from '../amqp/amqp-connection';
import { closeQuietly } from '../amqp/close-quietly';
import { supervisedChannel, supervisedConfirmChannel } from '../amqp/supervised-channels';
import { EVENT_CATALOGUE, RETRY_POLICY } from '../messaging.tokens';
import { ParkedMessageCollector } from '../parking/parked-message.collector';
import { declareConsumerQueues } from '../topology/declare-topology';
import { type QueueNames, queueNamesFor } from '../topology/queue-names';
import type { RetryPolicy } from '../topology/retry-policy';
import { BatchScheduler } from './batch-scheduler';
import { EventContext } from './event-context';
import { handleInTraceOf, inTraceOfMessage } from './event-tracing';
import { MESSAGE_HEADERS } from './message-headers';
import { validateMessage } from './message-validation';

export const AMQP_EVENT_TRANSPORT = Symbol('AMQP_EVENT_TRANSPORT');

/** What became of the messages this process took: for metrics and tests. */
export type ConsumeOutcome = 'applied' | 'duplicate' | 'retried' | 'parked';

/**
 * The `@nestjs/microservices` transport that serves `@EventPattern('agreement.granted')` handlers from
 * RabbitMQ. Around each handler it adds what no handler should write itself: the service's quorum
 * queue bound to the routing keys its handlers name (derived at boot from the handlers Nest registered),
 * envelope and payload validation (earlier versions upcast to the current one), the idempotent inbox
 * (the event id recorded in the handler's own transaction), retries with growing delay, and parking with
 * the reason (the parked-message log collects them).
 */
@Injectable()
export class AmqpEventTransport extends Server implements CustomTransportStrategy {
  override readonly transportId = AMQP_EVENT_TRANSPORT;
  readonly queues: QueueNames;
  private consumeChannel: Channel | undefined;
  private publishChannel: ConfirmChannel | undefined;
  private consumerTag: string | undefined;
  private attached$: (() => void) | undefined;
  private stopping = false;
  private readonly inFlight = new Set<Promise<void>>();
  readonly outcomes: Record<ConsumeOutcome, number> = { applied: 0, duplicate: 0, retried: 0, parked: 0 };
  /**
   * Valid deliveries wait here for a transaction. Each batch holds one database connection; more of
   * them than the pool can serve (handlers may need a second connection) would deadlock the pool, so
   * at most half the pool's transactions run at once. Events of one aggregate are applied in order.
   */
  private readonly scheduler: BatchScheduler<Delivery>;
  private readonly handlerCache = new Map<string, MessageHandler | null>();
  /** The routing keys this service's `@EventPattern` handlers name: its queue is bound to these. */
  private consumed: readonly string[] = [];

  constructor(
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @Inject(EVENT_CATALOGUE) private readonly catalogue: EventCatalogue,
    @Inject(RETRY_POLICY) private readonly policy: RetryPolicy,
    private readonly dataSource: DataSource,
    private readonly amqp: AmqpConnection,
    private readonly parking: ParkedMessageCollector,
  ) {
    super();
    this.queues = queueNamesFor(config.AMQP_QUEUE_PREFIX, config.SERVICE_NAME);
    this.scheduler = new BatchScheduler<Delivery>(
      Math.max(1, Math.floor(config.DATABASE_POOL_SIZE / 2)),
      maxBatchFor(config.AMQP_PREFETCH),
      (batch) => this.applyBatch(batch),
    );
  }

  /** True while a consumer is registered on the service's queue, or when it handles nothing (readiness). */
  get attached(): boolean {
    return (
      this.consumed.length === 0 || (this.consumerTag !== undefined && this.consumeChannel !== undefined)
    );
  }

  /** The routing keys this service consumes: those its `@EventPattern` handlers name (known once listening). */
  get consumedTypes(): readonly string[] {
    return this.consumed;
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      this.consumed = this.checkHandlers();
      // A service without handlers declares no queue.
      if (this.consumed.length > 0) {
        const firstAttach = new Promise<void>((resolve) => {
          this.attached$ = resolve;
        });
        await this.amqp.onConnected((model) => this.attach(model));
        // Events published before our queue exists would not reach it: wait (bounded) for the first
        // attachment. If the broker is away, boot goes on unready and attaches when it comes back.
        await Promise.race([firstAttach, new Promise((resolve) => setTimeout(resolve, 15_000).unref())]);
        await this.parking.start(this.consumed);
      }
      callback();
    } catch (error) {
      callback(error);
    }
  }

  /** Stops taking messages, lets the ones in flight finish (bounded), then closes the channels. */
  async close(): Promise<void> {
    this.stopping = true;
    const channel = this.consumeChannel;
    if (channel && this.consumerTag) await channel.cancel(this.consumerTag).catch(() => undefined);
    this.consumerTag = undefined;
    const parkingStopped = this.parking.stop();
    const grace = new Promise((resolve) => setTimeout(resolve, this.config.SHUTDOWN_GRACE_MS).unref());
    await Promise.race([Promise.allSettled([...this.inFlight]), grace]);
    // Past the grace, events still waiting for a transaction are left to the broker: none starts now.
    this.scheduler.abandonWaiting();
    // Whatever is still unacked goes back to the queue when the channel closes; the inbox dedupes it.
    await closeQuietly(channel);
    await closeQuietly(this.publishChannel);
    await parkingStopped;
  }

  on(): never {
    throw new Error('AmqpEventTransport does not support event listeners');
  }

  unwrap<T>(): T {
    return this.consumeChannel as T;
  }

  /**
   * The routing keys to bind: one per handler Nest registered. A handler naming a type the catalogue
   * does not know, two handlers for one type, or a `@MessagePattern` stops the boot.
   */
  private checkHandlers(): string[] {
    const problems: string[] = [];
    const handlers = this.getHandlers();
    for (const [pattern, handler] of handlers) {
      if (!this.catalogue[pattern])
        problems.push(`@EventPattern('${pattern}') names no event of the catalogue`);
      if (!handler.isEventHandler)
        problems.push(`${pattern} must be an @EventPattern, not a @MessagePattern`);
      if (handler.next) problems.push(`${pattern} has more than one handler`);
    }
    if (problems.length > 0) {
      throw new Error(
        `${this.config.SERVICE_NAME} event handlers are inconsistent:\n  - ${problems.join('\n  - ')}`,
      );
    }
    return [...handlers.keys()].sort();
  }

  private async attach(model: ChannelModel): Promise<void> {
    if (this.stopping) return;
    const publish = await supervisedConfirmChannel(model);
    const consume = await supervisedChannel(model);
    consume.on('close', () => {
      if (this.consumeChannel === consume) {
        this.consumeChannel = undefined;
        this.consumerTag = undefined;
      }
    });
    await declareConsumerQueues(consume, this.config.AMQP_EXCHANGE, this.queues, this.consumed, this.policy);
    await consume.prefetch(this.config.AMQP_PREFETCH);
    this.publishChannel = publish;
    this.consumeChannel = consume;
    const { consumerTag } = await consume.consume(this.queues.main, (message) => {
      if (!message) {
        // The broker cancelled us (queue deleted): readiness turns red until the next reconnection.
        this.consumerTag = undefined;
        return;
      }
      this.track(this.receive(consume, message));
    });
    this.consumerTag = consumerTag;
    this.attached$?.();
  }

  private track(work: Promise<void>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  /**
   * Validates a delivery (once: envelope and payload), parks it at once if it can never succeed, else
   * queues it for a transaction. Resolves when it has been acknowledged or moved.
   */
  private async receive(channel: Channel, message: ConsumeMessage): Promise<void> {
    const attempt = Number(message.properties.headers?.[MESSAGE_HEADERS.attempt] ?? 1);
    const validation = validateMessage(message.content, this.catalogue);
    if (!validation.ok) {
      return this.park(channel, message, attempt, validation.reason, validation.newerVersion);
    }
    const { envelope } = validation;
    const handler = this.handlerFor(envelope.type);
    if (!handler) return this.park(channel, message, attempt, `no handler for ${envelope.type}`);
    const key = `aggregate:${envelope.aggregateId}`;
    return this.scheduler.enqueue({ channel, message, envelope, handler, attempt, key });
  }

  /** Nest's own lookup parses the pattern as JSON first, and throws for every plain key: once per type. */
  private handlerFor(type: string): MessageHandler | null {
    let handler = this.handlerCache.get(type);
    if (handler === undefined) {
      handler = this.getHandlerByPattern(type);
      this.handlerCache.set(type, handler);
    }
    return handler;
  }

  /**
   * Applies a batch in ONE transaction: the inbox entries of all its events in one statement, then each
   * new event's handler in order, then one commit; then every message is acknowledged. A duplicate
   * (already in the inbox, or twice in the batch) is acknowledged without its handler running.
   * If anything fails, nothing of the batch is kept and its events are applied one by one instead
   * (see recoverBatch), so a failing event never takes its neighbours down with it.
   */
  private async applyBatch(batch: Delivery[]): Promise<void> {
    if (batch.length === 1) return this.applyAlone(batch[0]);
    let applied: boolean[];
    try {
      applied = await this.dataSource.transaction(async (manager) => {
        const fresh = await recordInInbox(manager, batch);
        const outcome: boolean[] = [];
        for (const [index, delivery] of batch.entries()) {
          if (!fresh.delete(delivery.envelope.id.toLowerCase())) {
            outcome.push(false);
            continue;
          }
          try {
            await this.runHandler(delivery, manager);
          } catch (error) {
            throw new BatchMemberFailed(index, error);
          }
          outcome.push(true);
        }
        return outcome;
      });
    } catch (error) {
      return this.recoverBatch(batch, error);
    }
    for (const [index, { channel, message }] of batch.entries()) {
      ack(channel, message);
      this.outcomes[applied[index] ? 'applied' : 'duplicate']++;
    }
  }

  /**
   * After a batch rolled back: the event whose handler threw has had its try, and is retried or parked
   * as if it had been alone (its handler does not run again for this try); every other event of the
   * batch is applied in its own transaction, in order. Their handlers may thus run a second time, as
   * on a redelivery: only committed effects count. When the failure cannot be pinned on one handler
   * (BEGIN, the inbox insert, COMMIT, a deadlock or serialization failure, a transaction some earlier
   * handler left aborted), every event is applied alone, the one that threw included.
   */
  private async recoverBatch(batch: Delivery[], error: unknown): Promise<void> {
    const culprit =
      error instanceof BatchMemberFailed && !failsTheWholeTransaction(error.cause) ? error.index : -1;
    for (const [index, delivery] of batch.entries()) {
      if (index === culprit) {
        const cause = (error as BatchMemberFailed).cause;
        await this.retryOrPark(delivery.channel, delivery.message, delivery.attempt, cause);
      } else {
        await this.applyAlone(delivery);
      }
    }
  }

  /** One event in its own transaction: inbox entry and handler, then ack; a failure retries or parks it. */
  private async applyAlone(delivery: Delivery): Promise<void> {
    const { channel, message, attempt } = delivery;
    let applied: boolean;
    try {
      applied = await this.dataSource.transaction((manager) => this.applyOnce(delivery, manager));
    } catch (error) {
      return this.retryOrPark(channel, message, attempt, error);
    }
    ack(channel, message);
    this.outcomes[applied ? 'applied' : 'duplicate']++;
  }

  /** Records the event in the inbox and runs the handler in the same transaction; a duplicate is a no-op. */
  private async applyOnce(delivery: Delivery, manager: EntityManager): Promise<boolean> {
    const { envelope } = delivery;
    const inserted: unknown[] = await manager.query(
      `INSERT INTO inbox (event_id, type, producer) VALUES ($1, $2, $3)
       ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
      [envelope.id, envelope.type, envelope.producer],
    );
    if (inserted.length === 0) return false;
    await this.runHandler(delivery, manager);
    return true;
  }

  private async runHandler(
    { handler, envelope, attempt, message }: Delivery,
    manager: EntityManager,
  ): Promise<void> {
    const context = new EventContext([envelope, manager, attempt]);
    await handleInTraceOf(message, envelope, attempt, () =>
      runWithContext(
        {
          correlationId: envelope.correlationId,
          causationId: envelope.id,
          actor: systemActor(this.config.SERVICE_NAME),
        },
        async () => {
          const result = await handler(envelope, context);
          await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
        },
      ),
    );
  }

  private async retryOrPark(
    channel: Channel,
    message: ConsumeMessage,
    attempt: number,
    error: unknown,
  ): Promise<void> {
    const reason = reasonOf(error);
    if (attempt >= this.policy.maxAttempts) {
      return this.park(channel, message, attempt, `handler failed ${attempt} times: ${reason}`);
    }
    this.logger.warn(`${message.fields.routingKey} failed (try ${attempt}): ${reason}; retrying`);
    this.outcomes.retried++;
    await this.forward(channel, message, this.queues.retry(attempt), {
      [MESSAGE_HEADERS.attempt]: attempt + 1,
      [MESSAGE_HEADERS.lastError]: reason.slice(0, 1000),
      [MESSAGE_HEADERS.originalRoutingKey]: originalRoutingKeyOf(message),
    });
  }

  /** Parks a message; one of a version newer than this release reads is named for a later replay. */
  private async park(
    channel: Channel,
    message: ConsumeMessage,
    attempt: number,
    reason: string,
    newerVersion?: number,
  ): Promise<void> {
    this.outcomes.parked++;
    this.logger.error(
      `Parking ${message.properties.messageId ?? '(no id)'} on ${this.queues.parked}: ${reason}`,
    );
    await this.forward(channel, message, this.queues.parked, {
      [MESSAGE_HEADERS.reason]: reason.slice(0, 4000),
      [MESSAGE_HEADERS.parkedAt]: new Date().toISOString(),
      [MESSAGE_HEADERS.attempts]: attempt,
      [MESSAGE_HEADERS.originalRoutingKey]: originalRoutingKeyOf(message),
      ...(newerVersion === undefined ? {} : { [MESSAGE_HEADERS.unknownVersion]: newerVersion }),
    });
  }

  /** Moves a message to another queue: confirmed publish first, then ack, so it is never lost. */
  private async forward(
    channel: Channel,
    message: ConsumeMessage,
    queue: string,
    headers: Record<string, unknown>,
  ): Promise<void> {
    const publisher = this.publishChannel;
    try {
      if (!publisher) throw new Error('no publish channel');
      inTraceOfMessage(message, () =>
        publisher.sendToQueue(queue, message.content, {
          ...message.properties,
          persistent: true,
          headers: { ...message.properties.headers, ...headers },
        }),
      );
      await publisher.waitForConfirms();
    } catch {
      // Broker trouble: give the message back; it is redelivered (and counted) later.
      nack(channel, message);
      return;
    }
    ack(channel, message);
  }
}

/** A retried message comes back from its retry queue under the queue's name: keep the event's key. */
function originalRoutingKeyOf(message: ConsumeMessage): string {
  return String(
    message.properties.headers?.[MESSAGE_HEADERS.originalRoutingKey] ?? message.fields.routingKey,
  );
}

function reasonOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (error && typeof error === 'object' && 'message' in error) return String(error.message);
  return String(error);
}

function ack(channel: Channel, message: ConsumeMessage): void {
  try {
    channel.ack(message);
  } catch {
    // Channel gone: the broker redelivers, the inbox makes the redelivery a no-op.
  }
}

function nack(channel: Channel, message: ConsumeMessage): void {
  try {
    channel.nack(message, false, true);
  } catch {
    // Channel gone: the broker requeues it anyway.
  }
}

/** A valid delivery waiting for (or in) a transaction. */
interface Delivery {
  channel: Channel;
  message: ConsumeMessage;
  envelope: EventEnvelope;
  handler: MessageHandler;
  attempt: number;
  /** Events with the same key (their aggregate) are applied in arrival order. */
  key: string;
}

/**
 * At most half the prefetch per transaction, so that while one batch commits the broker already
 * delivers the next one's events.
 */
function maxBatchFor(prefetch: number): number {
  return Math.max(1, Math.ceil(prefetch / 2));
}

/** The handler of the batch's `index`-th event threw `cause`. */
class BatchMemberFailed extends Error {
  constructor(
    readonly index: number,
    override readonly cause: unknown,
  ) {
    super(reasonOf(cause));
  }
}

/**
 * PostgreSQL errors that say nothing about the handler that met them: deadlock and serialization
 * failures (class 40) and "current transaction is aborted" (an earlier statement failed).
 */
function failsTheWholeTransaction(error: unknown): boolean {
  const code = sqlStateOf(error);
  return code !== undefined && (code.startsWith('40') || code === '25P02');
}

function sqlStateOf(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const { code, driverError } = error as { code?: unknown; driverError?: { code?: unknown } };
  if (typeof code === 'string') return code;
  return typeof driverError?.code === 'string' ? driverError.code : undefined;
}

/** Inbox entries of a batch in one statement; returns the ids that were new (lower case, as PostgreSQL prints them). */
async function recordInInbox(manager: EntityManager, batch: readonly Delivery[]): Promise<Set<string>> {
  const rows: { event_id: string }[] = await manager.query(
    `INSERT INTO inbox (event_id, type, producer)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[])
     ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
    [
      batch.map(({ envelope }) => envelope.id),
      batch.map(({ envelope }) => envelope.type),
      batch.map(({ envelope }) => envelope.producer),
    ],
  );
  return new Set(rows.map((row) => row.event_id));
}
