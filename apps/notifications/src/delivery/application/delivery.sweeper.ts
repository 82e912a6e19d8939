import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { PLATFORM_CONFIG } from '@tripartite/config';
import { DataSource } from 'typeorm';
import type { NotificationsConfig } from '../../notifications.config';
import { DeliveryRepository, type PendingCursor } from '../infrastructure/delivery.repository';
import { DeliveryQueue } from '../infrastructure/delivery-queue';

const PAGE = 500;

/**
 * Queues every pending delivery again, at boot and every `MAIL_SWEEP_MS`: the deliveries table is the
 * truth and Redis keeps nothing on disk. What a crash between commit and queueing, a Redis wipe, or a
 * job that used up its tries left without a job gets one; a delivery whose job still exists is left
 * alone (same job id). Replicas sweeping together queue each delivery once for the same reason.
 */
@Injectable()
export class DeliverySweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeliverySweeper.name);
  private current?: Promise<number>;
  private stopped = false;
  private interval?: NodeJS.Timeout;

  constructor(
    @Inject(PLATFORM_CONFIG) private readonly config: NotificationsConfig,
    private readonly dataSource: DataSource,
    private readonly deliveries: DeliveryRepository,
    private readonly queue: DeliveryQueue,
  ) {}

  onApplicationBootstrap(): void {
    void this.sweepLogged();
    this.interval = setInterval(() => void this.sweepLogged(), this.config.MAIL_SWEEP_MS);
    this.interval.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.interval) clearInterval(this.interval);
    await this.current?.catch(() => undefined);
  }

  /** Queues the pending deliveries; answers how many were looked at. Passes never overlap in a process. */
  sweep(): Promise<number> {
    this.current ??= this.pass().finally(() => {
      this.current = undefined;
    });
    return this.current;
  }

  private async pass(): Promise<number> {
    let cursor: PendingCursor | null = null;
    let seen = 0;
    while (!this.stopped) {
      const page = await this.deliveries.pagePending(this.dataSource.manager, cursor, PAGE);
      await this.queue.enqueueEach(page);
      seen += page.length;
      if (page.length < PAGE) break;
      cursor = page[page.length - 1];
    }
    return seen;
  }

  private async sweepLogged(): Promise<void> {
    try {
      const seen = await this.sweep();
      if (seen > 0) this.logger.log(`Sweep: ${seen} pending delivery(ies) queued or already queued`);
    } catch (error) {
      this.logger.warn(
        `Sweep failed: ${error instanceof Error ? error.message : error}; next one in ${this.config.MAIL_SWEEP_MS} ms`,
      );
    }
  }
}
