import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { AdjustableClock, Clock } from '@tripartite/clock';
import { PLATFORM_CONFIG, type PlatformConfig } from '@tripartite/config';
import { DataSource } from 'typeorm';
import { DEADLINES_OPTIONS, type DeadlinesModuleOptions } from '../deadlines.options';
import { DeadlineRepository, type PendingCursor } from '../infrastructure/deadline.repository';
import { DeadlineTimers } from '../infrastructure/deadline-timers';
import { FireDeadlineHandler } from './fire-deadline.handler';

export interface ReconcileReport {
  /** Deadlines this pass fired itself (others may have been fired by another replica meanwhile). */
  fired: number;
  /** Pending deadlines whose timer was checked. */
  timersChecked: number;
  timersCreated: number;
  timersMoved: number;
  /** Deadlines that failed to fire (see their `last_error`); retried on the next pass. */
  failures: number;
}

const FIRE_PAGE = 100;
const TIMER_PAGE = 500;

/**
 * Makes Redis and reality match the database: fires every pending deadline already due (once, with
 * `FOR UPDATE SKIP LOCKED`, so replicas running it together share the work), then re-creates or moves
 * the timers of the others. Runs at boot, every `DEADLINE_RECONCILE_MS`, and when the clock moves.
 * Redis keeps nothing on disk here: after a `FLUSHALL`, the next pass brings every timer back.
 */
@Injectable()
export class DeadlineReconciler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeadlineReconciler.name);
  private current?: Promise<ReconcileReport>;
  private again = false;
  private stopped = false;
  private interval?: NodeJS.Timeout;

  constructor(
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @Inject(DEADLINES_OPTIONS) private readonly options: DeadlinesModuleOptions,
    private readonly dataSource: DataSource,
    private readonly deadlines: DeadlineRepository,
    private readonly handler: FireDeadlineHandler,
    private readonly timers: DeadlineTimers,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.reconciler === false) return;
    if (this.clock instanceof AdjustableClock) {
      // Awaited by whoever moved the clock here, so an advance answers after due deadlines fired.
      this.clock.onChange(() => (this.stopped ? undefined : this.reconcileLogged()));
    }
    void this.reconcileLogged();
    this.interval = setInterval(() => void this.reconcileLogged(), this.config.DEADLINE_RECONCILE_MS);
    this.interval.unref();
  }

  /**
   * Runs a pass. Calls during a pass are folded into one more pass after it, so a clock move
   * during a pass is never missed and passes never overlap within a process.
   */
  reconcile(): Promise<ReconcileReport> {
    if (this.current) {
      this.again = true;
      return this.current;
    }
    this.current = (async () => {
      try {
        let report: ReconcileReport;
        do {
          this.again = false;
          report = await this.pass();
        } while (this.again && !this.stopped);
        return report;
      } finally {
        this.current = undefined;
      }
    })();
    return this.current;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.interval) clearInterval(this.interval);
    await this.current?.catch(() => undefined);
  }

  private async reconcileLogged(): Promise<void> {
    try {
      const report = await this.reconcile();
      if (report.fired > 0 || report.timersCreated > 0 || report.failures > 0) {
        this.logger.log(
          `Reconciled deadlines: ${report.fired} fired, ${report.timersCreated} timers restored, ` +
            `${report.timersMoved} moved, ${report.failures} failed`,
        );
      }
    } catch (error) {
      this.logger.warn(`Deadline reconciliation failed: ${error instanceof Error ? error.message : error}`);
    }
  }

  private async pass(): Promise<ReconcileReport> {
    const report: ReconcileReport = {
      fired: 0,
      timersChecked: 0,
      timersCreated: 0,
      timersMoved: 0,
      failures: 0,
    };
    const now = this.clock.now();
    const manager = this.dataSource.manager;

    // 1. Due deadlines fire here and now, in due order (one transaction each, so one bad event does not
    //    hold back the others).
    const firedIds: string[] = [];
    let cursor: PendingCursor | null = null;
    while (!this.stopped) {
      const page = await this.deadlines.pagePending(manager, 'due', now, cursor, FIRE_PAGE);
      for (const deadline of page) {
        if (this.stopped) break;
        try {
          const outcome = await this.handler.fire(deadline.id, { lock: 'skip-locked' });
          if (outcome.kind === 'fired') {
            report.fired++;
            firedIds.push(deadline.id);
          }
        } catch (error) {
          report.failures++;
          this.logger.warn(
            `Deadline ${deadline.id} failed to fire: ${error instanceof Error ? error.message : error}`,
          );
        }
      }
      if (page.length < FIRE_PAGE) break;
      const last = page[page.length - 1];
      cursor = { dueAt: last.dueAt, id: last.id };
    }

    // 2. Timers: the ones of fired deadlines are now useless; the others must exist at the right time.
    try {
      await this.timers.remove(firedIds);
      cursor = null;
      while (!this.stopped) {
        const page = await this.deadlines.pagePending(manager, 'not-due', now, cursor, TIMER_PAGE);
        const { created, moved } = await this.timers.ensure(page);
        report.timersChecked += page.length;
        report.timersCreated += created;
        report.timersMoved += moved;
        if (page.length < TIMER_PAGE) break;
        const last = page[page.length - 1];
        cursor = { dueAt: last.dueAt, id: last.id };
      }
    } catch (error) {
      // Redis away: due deadlines fired anyway (above); timers come back on a later pass.
      this.logger.warn(`Deadline timers not restored: ${error instanceof Error ? error.message : error}`);
    }
    return report;
  }
}
