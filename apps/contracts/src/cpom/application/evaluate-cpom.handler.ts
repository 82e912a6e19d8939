import { Injectable } from '@nestjs/common';
import { calendarDateAt } from '@tripartite/calendar';
import { Clock } from '@tripartite/clock';
import { DataSource } from 'typeorm';
import type { Cpom } from '../domain/cpom';
import type { CpomEvaluation } from '../domain/cpom.types';
import { CpomDeadlineKind } from '../domain/cpom-deadlines';
import { cpomEvents } from '../domain/cpom-events';
import { CpomAccess } from './cpom-access';
import { CpomChanges } from './cpom-changes';
import { CpomDeadlines } from './cpom-deadlines';

/**
 * A party records the final evaluation at the term ("une évaluation et un bilan qui sera pris en compte par la
 * DIRECCTE dans le cadre de la demande de renouvellement d'agrément", seed 002 II.4): EVALUATED, the overdue
 * alert cancelled, `contract.evaluated` for the renewal view.
 */
@Injectable()
export class EvaluateCpomHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly changes: CpomChanges,
    private readonly deadlines: CpomDeadlines,
    private readonly access: CpomAccess,
    private readonly clock: Clock,
  ) {}

  async execute(id: string, expectedVersion: number, evaluation: CpomEvaluation): Promise<Cpom> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const cpom = await this.changes.load(manager, id, expectedVersion);
      this.access.assertCanWrite(cpom.state.parties);
      const versionBefore = cpom.version;
      cpom.evaluate(evaluation, calendarDateAt(now));
      await this.deadlines.cancel(manager, cpom.id, [CpomDeadlineKind.evaluationOverdue]);
      await this.changes.save(
        manager,
        cpom,
        versionBefore,
        {
          action: 'contract.evaluated',
          summary: `CPOM final evaluation of ${evaluation.evaluatedOn}`,
          event: cpomEvents.evaluated(cpom),
        },
        now,
      );
      return cpom;
    });
  }
}
