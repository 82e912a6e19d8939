import { Injectable } from '@nestjs/common';
import { AfterCommitWork } from '@tripartite/persistence';
import { DataSource, type QueryRunner } from 'typeorm';
import { DeadlineRepository } from './deadline.repository';
import { DeadlineTimers } from './deadline-timers';

/**
 * Sets timers only once the transaction that changed the deadlines has committed: a timer for a
 * rolled-back deadline would be harmless (the worker finds no row) but a timer removed for a
 * cancellation that rolled back would not be. After the commit it re-reads the rows it saw touched and
 * makes Redis match them, so savepoints, several changes to one deadline in one transaction, and
 * concurrent replicas all end up right. A crash in between leaves rows without timers: the reconciler
 * heals that.
 */
@Injectable()
export class TimersAfterCommit extends AfterCommitWork {
  protected readonly subject = { what: 'deadline timer(s)', healer: 'the reconciler' };

  constructor(
    dataSource: DataSource,
    private readonly deadlines: DeadlineRepository,
    private readonly timers: DeadlineTimers,
  ) {
    super(dataSource);
  }

  protected async afterCommit(runner: QueryRunner, ids: string[]): Promise<void> {
    // Same connection, now outside the transaction: reads the committed truth without taking another
    // pool connection (a full pool of committing callers must not wait on each other).
    await this.timers.sync(await this.deadlines.timerStates(runner.manager, ids));
  }
}
