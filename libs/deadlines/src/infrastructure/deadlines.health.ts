import { Injectable, type OnModuleDestroy, type OnModuleInit, Optional } from '@nestjs/common';
import { ReadinessRegistry } from '@tripartite/http';
import { DeadlineTimerJob } from './deadline-timer.job';
import { DeadlineTimers } from './deadline-timers';

export interface DeadlinesHealthReport {
  /** True when deadlines can fire: Redis answers and the worker (if this process runs one) runs. */
  healthy: boolean;
  redis: 'up' | 'down';
  /** `closing` while the process shuts down: it finishes its timers but takes no new one. */
  worker: 'running' | 'closing' | 'stopped' | 'disabled';
  error?: string;
}

const READINESS_NAME = 'deadlines';

/**
 * Readiness of the deadline mechanism. Redis down loses no deadline (the rows are the truth) but
 * stops the timers, so the process is reported not ready. Registered in the http library's readiness
 * registry when the service has one, so `/health/ready` includes it.
 */
@Injectable()
export class DeadlinesHealth implements OnModuleInit, OnModuleDestroy {
  constructor(
    private readonly timers: DeadlineTimers,
    private readonly job: DeadlineTimerJob,
    @Optional() private readonly readiness?: ReadinessRegistry,
  ) {}

  onModuleInit(): void {
    this.readiness?.register(READINESS_NAME, async () => {
      const report = await this.check();
      if (!report.healthy) throw new Error(report.error ?? `deadline worker ${report.worker}`);
    });
  }

  onModuleDestroy(): void {
    this.readiness?.unregister(READINESS_NAME);
  }

  async check(timeoutMs = 1_000): Promise<DeadlinesHealthReport> {
    const worker = this.job.state;
    try {
      await this.timers.ping(timeoutMs);
      return { healthy: worker === 'running' || worker === 'disabled', redis: 'up', worker };
    } catch (error) {
      return {
        healthy: false,
        redis: 'down',
        worker,
        error: error instanceof Error ? error.message : String(error),
      };
    }
  }
}
