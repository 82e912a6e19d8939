import { type DynamicModule, Module } from '@nestjs/common';
import { ClockSyncModule } from '@tripartite/clock';
import { ClockAdminController } from './api/clock-admin.controller';
import { DeadlineReconciler } from './application/deadline.reconciler';
import { DeadlineScheduler } from './application/deadline.scheduler';
import { DeadlineEffects } from './application/deadline-effects';
import { FireDeadlineHandler } from './application/fire-deadline.handler';
import { DEADLINES_OPTIONS, type DeadlinesModuleOptions } from './deadlines.options';
import { DeadlineRepository } from './infrastructure/deadline.repository';
import { DeadlineTimerJob } from './infrastructure/deadline-timer.job';
import { DeadlineTimers } from './infrastructure/deadline-timers';
import { DeadlinesHealth } from './infrastructure/deadlines.health';
import { TimersAfterCommit } from './infrastructure/timers-after-commit.subscriber';

/**
 * Deadlines for a service: `DeadlineScheduler` to keep them, a BullMQ worker and a reconciler to fire
 * them once, clock synchronisation so moving time forward fires what became due, and `DeadlinesHealth`.
 *
 * Expects, from the application: `ConfigModule`, `ClockModule`, `PersistenceModule` with
 * `DeadlineOrmEntity` and `CreateDeadlines1764000001000` listed, and `OutboxWriter` plus
 * `EVENT_CATALOGUE` provided globally (by `MessagingModule`).
 */
@Module({})
export class DeadlinesModule {
  static forRoot(options: DeadlinesModuleOptions = {}): DynamicModule {
    return {
      module: DeadlinesModule,
      global: true,
      imports: [ClockSyncModule.forRoot()],
      controllers: options.clockAdminApi ? [ClockAdminController] : [],
      providers: [
        { provide: DEADLINES_OPTIONS, useValue: options },
        DeadlineRepository,
        DeadlineTimers,
        TimersAfterCommit,
        DeadlineEffects,
        FireDeadlineHandler,
        DeadlineScheduler,
        DeadlineTimerJob,
        DeadlineReconciler,
        DeadlinesHealth,
      ],
      exports: [
        DeadlineScheduler,
        DeadlineEffects,
        DeadlineReconciler,
        DeadlinesHealth,
        DeadlineTimers,
        ClockSyncModule,
      ],
    };
  }
}
