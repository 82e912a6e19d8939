import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleInit,
  Optional,
} from '@nestjs/common';
import { PLATFORM_CONFIG } from '@tripartite/config';
import { ReadinessRegistry } from '@tripartite/http';
import { closeWorkerWithin } from '@tripartite/jobs';
import { contextOf, inSpan, SpanKind } from '@tripartite/telemetry';
import { type Job, Worker } from 'bullmq';
import type { NotificationsConfig } from '../../notifications.config';
import { AcceptedNotRecordedError, SendDeliveryHandler } from '../application/send-delivery.handler';
import { DeliveryMetrics } from './delivery-metrics';
import { SEND_QUEUE_NAME, type SendJobData } from './delivery-queue';

// Each send holds a database connection (the row lock) while it talks to the SMTP server: leave most
// of the pool to the event consumers and the HTTP API.
const CONCURRENCY = 4;

/** A transient refusal: BullMQ tries the job again after its backoff. */
export class TransientSendError extends Error {
  constructor(reply: string) {
    super(`not sent, SMTP refused for now: ${reply}`);
    this.name = 'TransientSendError';
  }
}

/**
 * The BullMQ worker of `notifications-send`: each job sends one delivery through `SendDeliveryHandler`.
 * A transient refusal throws, so BullMQ retries with exponential backoff; so does a message the server
 * took but that could not be recorded (the next try only records it); sent, failed for good, or nothing
 * to do (already sent, gone) completes the job. Each try is counted on `/metrics` (`DeliveryMetrics`).
 */
@Injectable()
export class SendDeliveryJob implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(SendDeliveryJob.name);
  private worker?: Worker<SendJobData>;
  private closing = false;

  constructor(
    @Inject(PLATFORM_CONFIG) private readonly config: NotificationsConfig,
    private readonly handler: SendDeliveryHandler,
    private readonly metrics: DeliveryMetrics,
    @Optional() private readonly readiness?: ReadinessRegistry,
  ) {}

  onModuleInit(): void {
    this.readiness?.register('mail-sender', async () => {
      if (!this.worker?.isRunning() || this.closing) throw new Error('the send worker is not running');
    });
  }

  /** Started once the whole application is wired, so no job runs against half-built providers. */
  onApplicationBootstrap(): void {
    this.worker = new Worker<SendJobData>(SEND_QUEUE_NAME, (job) => this.processInTrace(job), {
      connection: { url: this.config.REDIS_URL, connectionName: 'notifications-send-worker' },
      prefix: this.config.REDIS_PREFIX,
      concurrency: CONCURRENCY,
      // A worker that died mid-send (SIGKILL, lost host) stops renewing its lock: once it lapses, the
      // stalled-job check of a living worker puts the job back to waiting. The row lock and the status
      // check make a second take of a job that was in fact sent harmless.
      lockDuration: this.config.MAIL_JOB_LOCK_MS,
      stalledInterval: this.config.MAIL_JOB_LOCK_MS,
    });
    this.worker.on('error', (error) => this.logger.warn(`Worker: ${error.message}`));
    this.worker.on('failed', (job, error) =>
      this.logger.warn(`Delivery ${job?.id}, try ${job?.attemptsMade}: ${error.message}`),
    );
  }

  async process(job: Job<SendJobData>): Promise<string> {
    const outcome = await this.handler.send(job.data.deliveryId).catch((error: unknown) => {
      this.metrics.retry(error instanceof AcceptedNotRecordedError ? 'not_recorded' : 'error');
      throw error;
    });
    this.metrics.outcome(outcome);
    if (outcome.kind === 'retry') throw new TransientSendError(outcome.reply);
    if (outcome.kind === 'failed')
      this.logger.warn(`Delivery ${job.data.deliveryId} refused for good: ${outcome.reply}`);
    if (outcome.kind === 'sent' && outcome.recordedLater)
      this.logger.log(
        `Delivery ${job.data.deliveryId} taken by an earlier try, recorded as sent, not sent again`,
      );
    return outcome.kind === 'skipped' ? `skipped (${outcome.status})` : outcome.kind;
  }

  /** A job continues the trace of the event that decided its e-mail (ADR 0013): one span per try. */
  private processInTrace(job: Job<SendJobData>): Promise<string> {
    return inSpan(
      `process ${SEND_QUEUE_NAME}`,
      {
        kind: SpanKind.CONSUMER,
        parent: contextOf(job.data.trace),
        attributes: {
          'tripartite.delivery.id': job.data.deliveryId,
          'tripartite.job.attempt': job.attemptsMade + 1,
        },
      },
      () => this.process(job),
    );
  }

  /**
   * Stops taking jobs and lets the running sends finish while the database is still open, for at most
   * `SHUTDOWN_GRACE_MS`; then closes by force: the row lock is released by the rollback and BullMQ hands
   * the job to another replica as stalled.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.readiness?.unregister('mail-sender');
    if (!this.worker) return;
    const worker = this.worker;
    this.closing = true;
    await closeWorkerWithin(worker, this.config.SHUTDOWN_GRACE_MS, this.logger);
  }
}
