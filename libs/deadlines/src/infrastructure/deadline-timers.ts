import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '@tripartite/clock';
import { PLATFORM_CONFIG, type PlatformConfig } from '@tripartite/config';
import { activeTraceCarrier, type TraceCarrier } from '@tripartite/telemetry';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { deadlineQueueName } from '../deadlines.options';
import type { DeadlineTimerState } from './deadline.repository';

export interface DeadlineJobData {
  deadlineId: string;
  /** The trace of the command that scheduled it: the firing links to it (ADR 0013). */
  scheduledIn?: TraceCarrier;
}

/** What Redis holds for one deadline's timer; for diagnostics and tests. */
export interface TimerInspection {
  state: 'delayed' | 'waiting' | 'active' | 'prioritized' | 'completed' | 'failed' | 'missing' | string;
  /** Real (wall-clock) time at which a delayed timer wakes up. */
  fireAt?: Date;
}

// A delayed timer more than this far from where it should be is moved; closer is good enough
// (an early wake-up is put back by the worker, a late one by at most this much).
const TOLERANCE_MS = 1_000;
// BullMQ scores its delayed set as `fireAtMs * 0x1000 + sequence`.
const DELAYED_SCORE_FACTOR = 0x1000;

/**
 * The BullMQ side of deadlines: one delayed job per pending deadline, job id = deadline id, so
 * scheduling twice makes one job. Timers only wake the worker up; the database row decides.
 * Delays are computed on the platform clock (which may be moved forward outside production) and
 * handed to BullMQ in real milliseconds.
 */
@Injectable()
export class DeadlineTimers implements OnApplicationShutdown {
  private readonly logger = new Logger(DeadlineTimers.name);
  readonly queue: Queue<DeadlineJobData>;
  /** Own client for pipelined reads of the delayed set and for the readiness ping. */
  private readonly redis: Redis;

  constructor(
    @Inject(PLATFORM_CONFIG) config: PlatformConfig,
    private readonly clock: Clock,
  ) {
    this.queue = new Queue<DeadlineJobData>(deadlineQueueName(config.SERVICE_NAME), {
      // Fail fast when Redis is away: the row is committed already and the reconciler restores timers.
      connection: { url: config.REDIS_URL, enableOfflineQueue: false, connectionName: 'deadline-timers' },
      prefix: config.REDIS_PREFIX,
      defaultJobOptions: {
        // Removed once done, so that a later timer with the same id (after a reschedule) can be added.
        removeOnComplete: true,
        removeOnFail: true,
        attempts: 5,
        backoff: { type: 'exponential', delay: 1_000 },
      },
    });
    this.queue.on('error', (error) => this.logger.warn(`Queue: ${error.message}`));
    this.redis = new Redis(config.REDIS_URL, {
      maxRetriesPerRequest: 2,
      connectionName: 'deadline-timers-ping',
    });
    this.redis.on('error', (error) => this.logger.warn(`Redis: ${error.message}`));
  }

  /** Makes Redis match the rows: a timer at the right time for each pending deadline, none for the others. */
  async sync(states: readonly DeadlineTimerState[]): Promise<void> {
    const pending = states.filter((s) => s.status === 'pending');
    const settled = states.filter((s) => s.status !== 'pending').map((s) => s.id);
    await Promise.all([this.ensure(pending), this.remove(settled)]);
  }

  /**
   * Creates missing timers and moves misplaced ones (after a reschedule or a clock move).
   * One pipelined round trip reads where every timer stands; only the ones to fix cost more.
   */
  async ensure(pending: readonly DeadlineTimerState[]): Promise<{ created: number; moved: number }> {
    if (pending.length === 0) return { created: 0, moved: 0 };
    const pipeline = this.redis.pipeline();
    for (const { id } of pending) {
      pipeline.zscore(this.queue.keys.delayed, id);
      pipeline.exists(this.queue.toKey(id));
    }
    const replies = (await pipeline.exec()) ?? [];
    const realNow = Date.now();
    const clockNow = this.clock.now().getTime();
    const scheduledIn = activeTraceCarrier();
    let created = 0;
    let moved = 0;
    await Promise.all(
      pending.map(async (deadline, index) => {
        const [scoreError, score] = replies[index * 2] ?? [];
        const [existsError, exists] = replies[index * 2 + 1] ?? [];
        if (scoreError) throw scoreError;
        if (existsError) throw existsError;
        const delay = Math.max(0, deadline.dueAt.getTime() - clockNow);
        if (score !== null && score !== undefined) {
          const fireAt = Math.floor(Number(score) / DELAYED_SCORE_FACTOR);
          if (Math.abs(fireAt - (realNow + delay)) > TOLERANCE_MS && (await this.move(deadline.id, delay)))
            moved++;
        } else if (exists !== 1) {
          await this.queue.add(
            deadline.kind,
            { deadlineId: deadline.id, ...(scheduledIn ? { scheduledIn } : {}) },
            { jobId: deadline.id, delay },
          );
          created++;
        }
        // A job that exists but is not delayed is waiting or running: the worker checks the row and,
        // if it woke up early, puts it back for the remaining time.
      }),
    );
    return { created, moved };
  }

  /** Drops the timers of deadlines that fired or were cancelled. A running one finishes as a no-op. */
  async remove(ids: readonly string[]): Promise<void> {
    await Promise.all(ids.map((id) => this.queue.remove(id).catch(() => 0)));
  }

  async inspect(id: string): Promise<TimerInspection> {
    const job = await this.queue.getJob(id);
    if (!job) return { state: 'missing' };
    const state = await job.getState();
    if (state !== 'delayed') return { state };
    const score = await this.redis.zscore(this.queue.keys.delayed, id);
    return {
      state,
      fireAt: score === null ? undefined : new Date(Math.floor(Number(score) / DELAYED_SCORE_FACTOR)),
    };
  }

  /** Answers within `timeoutMs` whether Redis answers. */
  async ping(timeoutMs = 1_000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.redis.ping(),
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`Redis did not answer within ${timeoutMs} ms`)),
            timeoutMs,
          );
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([this.queue.close(), this.redis.quit()]);
    this.redis.disconnect();
  }

  private async move(id: string, delay: number): Promise<boolean> {
    try {
      const job = await this.queue.getJob(id);
      await job?.changeDelay(delay);
      return job !== undefined;
    } catch {
      // It left the delayed set meanwhile (woke up, or removed): the worker or the next pass handles it.
      return false;
    }
  }
}
