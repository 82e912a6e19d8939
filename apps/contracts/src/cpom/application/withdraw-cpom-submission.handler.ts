import { Injectable } from '@nestjs/common';
import { calendarDateAt } from '@tripartite/calendar';
import { Clock } from '@tripartite/clock';
import { DataSource } from 'typeorm';
import type { Cpom } from '../domain/cpom';
import { cpomEvents } from '../domain/cpom-events';
import { CpomAccess } from './cpom-access';
import { CpomChanges } from './cpom-changes';

/** A party takes a submission back to draft; `contract.submission_withdrawn` closes its consultations. */
@Injectable()
export class WithdrawCpomSubmissionHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly changes: CpomChanges,
    private readonly access: CpomAccess,
    private readonly clock: Clock,
  ) {}

  async execute(id: string, expectedVersion: number, reason: string): Promise<Cpom> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const cpom = await this.changes.load(manager, id, expectedVersion);
      this.access.assertCanWrite(cpom.state.parties);
      const versionBefore = cpom.version;
      const contentVersion = cpom.state.submittedVersion ?? cpom.state.contentVersion;
      cpom.withdrawSubmission();
      await this.changes.save(
        manager,
        cpom,
        versionBefore,
        {
          action: 'contract.submission_withdrawn',
          summary: `CPOM submission of version ${contentVersion} withdrawn: ${reason}`,
          event: cpomEvents.submissionWithdrawn(cpom, {
            contentVersion,
            withdrawnOn: calendarDateAt(now),
            reason,
          }),
        },
        now,
      );
      return cpom;
    });
  }
}
