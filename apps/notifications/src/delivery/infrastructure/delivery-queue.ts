import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { PLATFORM_CONFIG } from '@tripartite/config';
import { activeTraceCarrier, type TraceCarrier } from '@tripartite/telemetry';
import { Queue } from 'bullmq';
import type { NotificationsConfig } from '../../notifications.config';

/**
 * The BullMQ queue of sends, under the `REDIS_PREFIX` key prefix.
 * DO NOT rename: jobs waiting in Redis under the old name would never be sent (the sweep would re-queue
 * their deliveries, but only after MAIL_SWEEP_MS).
 */
export const SEND_QUEUE_NAME = 'notifications-send';

export interface SendJobData {
  deliveryId: string;
  /** The trace of the event that decided the e-mail: the send continues it (ADR 0013). */
  trace?: TraceCarrier;
}

/**
 * Queues the sending of recorded deliveries. Job id = delivery id: queueing one twice (after the commit,
 * then by the sweep) makes one job. Redis only holds the work to do; the deliveries table is the truth.
 */
@Injectable()
export class DeliveryQueue implements OnApplicationShutdown {
  private readonly logger = new Logger(DeliveryQueue.name);
  readonly queue: Queue<SendJobData>;

  constructor(@Inject(PLATFORM_CONFIG) config: NotificationsConfig) {
    this.queue = new Queue<SendJobData>(SEND_QUEUE_NAME, {
      // Fail fast when Redis is away: the delivery is committed already and the sweep queues it later.
      connection: { url: config.REDIS_URL, enableOfflineQueue: false, connectionName: 'notifications-send' },
      prefix: config.REDIS_PREFIX,
      defaultJobOptions: {
        attempts: config.MAIL_RETRY_ATTEMPTS,
        backoff: { type: 'exponential', delay: config.MAIL_RETRY_DELAY_MS },
        // Removed once finished, so that the sweep can queue a still-pending delivery again.
        removeOnComplete: true,
        removeOnFail: true,
      },
    });
    this.queue.on('error', (error) => this.logger.warn(`Queue: ${error.message}`));
  }

  /** Queues the sends of deliveries just recorded, in the trace active here (the event's). */
  async enqueue(deliveryIds: readonly string[]): Promise<void> {
    const trace = activeTraceCarrier();
    await this.enqueueEach(deliveryIds.map((id) => ({ id, trace })));
  }

  /**
   * Queues each delivery in the trace it keeps: a sweep that runs between a commit and its queueing must not
   * give the send its own trace (the first job queued under a delivery id wins).
   */
  async enqueueEach(deliveries: readonly { id: string; trace: TraceCarrier | null }[]): Promise<void> {
    await Promise.all(
      deliveries.map(({ id, trace }) =>
        this.queue.add('send', { deliveryId: id, ...(trace ? { trace } : {}) }, { jobId: id }),
      ),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close().catch(() => undefined);
  }
}
