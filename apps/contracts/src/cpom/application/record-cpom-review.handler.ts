import { Injectable } from '@nestjs/common';
import { calendarDateAt } from '@tripartite/calendar';
import { Clock } from '@tripartite/clock';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import type { Cpom } from '../domain/cpom';
import type { CpomReview } from '../domain/cpom.types';
import { REVIEW_KINDS } from '../domain/cpom-deadlines';
import { cpomEvents } from '../domain/cpom-events';
import { CpomAccess } from './cpom-access';
import { CpomChanges } from './cpom-changes';
import { CpomDeadlines } from './cpom-deadlines';

export type RecordCpomReviewCommand = Omit<CpomReview, 'reviewId' | 'dueOn'>;

/**
 * A party records the yearly review by the three parties (seed 002 II.4): the next review moves, its
 * reminders with it; `contract.review_completed` tells the agreements service (renewal view).
 */
@Injectable()
export class RecordCpomReviewHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly changes: CpomChanges,
    private readonly deadlines: CpomDeadlines,
    private readonly access: CpomAccess,
    private readonly clock: Clock,
  ) {}

  async execute(id: string, expectedVersion: number, command: RecordCpomReviewCommand): Promise<Cpom> {
    const now = this.clock.now();
    const today = calendarDateAt(now);
    return this.dataSource.transaction(async (manager) => {
      const cpom = await this.changes.load(manager, id, expectedVersion);
      this.access.assertCanWrite(cpom.state.parties);
      const versionBefore = cpom.version;
      cpom.recordReview({ ...command, reviewId: uuidv7(), dueOn: null }, today);
      await this.deadlines.cancel(manager, cpom.id, REVIEW_KINDS);
      await this.changes.save(
        manager,
        cpom,
        versionBefore,
        {
          action: 'contract.review_completed',
          summary: `CPOM review of ${command.reviewedOn}; next review due ${cpom.nextReviewDueOn ?? 'none (final evaluation)'}`,
          event: cpomEvents.reviewCompleted(cpom),
        },
        now,
      );
      await this.deadlines.forReview(manager, cpom, today);
      return cpom;
    });
  }
}
