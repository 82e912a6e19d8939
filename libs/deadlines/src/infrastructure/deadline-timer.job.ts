import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { Clock } from '@tripartite/clock';
import { PLATFORM_CONFIG, type PlatformConfig } from '@tripartite/config';
import { closeWorkerWithin } from '@tripartite/jobs';
import { DelayedError, type Job, Worker } from 'bullmq';
import { FireDeadlineHandler } from '../application/fire-deadline.handler';
import { DEADLINES_OPTIONS, type DeadlinesModuleOptions, deadlineQueueName } from '../deadlines.options';
import type { DeadlineJobData } from './deadline-timers';

/**
 * The BullMQ worker: when a timer is due it asks `FireDeadlineHandler` to fire the deadline. A timer that
 * woke up early (the deadline was moved later, or timers run on real time while the platform clock
 * was moved) goes back to the delayed set for the remaining time, without counting as an attempt.
 */
@Injectable()
export class DeadlineTimerJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeadlineTimerJob.name);
  private worker?: Worker<DeadlineJobData>;
  private closing = false;

  constructor(
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @Inject(DEADLINES_OPTIONS) private readonly options: DeadlinesModuleOptions,
    private readonly handler: FireDeadlineHandler,
    private readonly clock: Clock,
  ) {}

  /** Started once the whole application is wired, so no job runs against half-built providers. */
  onApplicationBootstrap(): void {
    if (this.options.worker === false) return;
    this.worker = new Worker<DeadlineJobData>(
      deadlineQueueName(this.config.SERVICE_NAME),
      (job, token) => this.process(job, token),
      {
        connection: { url: this.config.REDIS_URL, connectionName: 'deadline-worker' },
        prefix: this.config.REDIS_PREFIX,
        concurrency: this.options.concurrency ?? 5,
      },
    );
    this.worker.on('error', (error) => this.logger.warn(`Worker: ${error.message}`));
    this.worker.on('failed', (job, error) =>
      this.logger.warn(`Deadline ${job?.id} not fired (attempt ${job?.attemptsMade}): ${error.message}`),
    );
  }

  get state(): 'running' | 'closing' | 'stopped' | 'disabled' {
    if (!this.worker) return 'disabled';
    if (this.closing) return 'closing';
    return this.worker.isRunning() ? 'running' : 'stopped';
  }

  async process(job: Job<DeadlineJobData>, token?: string): Promise<string> {
    const id = job.data.deadlineId ?? job.id;
    const outcome = await this.handler.fire(id, {
      lock: 'wait',
      scheduledIn: job.data.scheduledIn,
      whenNotDue: async (dueAt) => {
        // Real time for BullMQ, platform time for the remaining delay.
        await job.moveToDelayed(Date.now() + (dueAt.getTime() - this.clock.now().getTime()), token);
      },
    });
    if (outcome.kind === 'not-due') throw new DelayedError();
    return outcome.kind;
  }

  /**
   * Stops taking timers and lets the running ones finish while the database is still open
   * (`onApplicationShutdown` hooks close it). Past `SHUTDOWN_GRACE_MS` the worker is closed by force:
   * the unfinished transaction rolls back and BullMQ hands the job to another replica as stalled.
   */
  async beforeApplicationShutdown(): Promise<void> {
    if (!this.worker) return;
    const worker = this.worker;
    this.closing = true;
    await closeWorkerWithin(worker, this.config.SHUTDOWN_GRACE_MS, this.logger);
  }
}
