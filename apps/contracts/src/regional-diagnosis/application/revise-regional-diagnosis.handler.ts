import { Injectable } from '@nestjs/common';
import { ScopeEnforcer } from '@tripartite/auth';
import { calendarDateAt } from '@tripartite/calendar';
import { Clock } from '@tripartite/clock';
import { currentContext } from '@tripartite/context';
import { assertVersionMatches, PreconditionFailedError } from '@tripartite/http';
import { DataSource } from 'typeorm';
import type { RegionalDiagnosis } from '../domain/regional-diagnosis';
import { RegionalDiagnosisNotFoundError } from '../domain/regional-diagnosis.errors';
import type { DiagnosisContent } from '../domain/regional-diagnosis.types';
import { RegionalDiagnosisRepository } from '../infrastructure/regional-diagnosis.repository';
import { RegionalDiagnosisChanges } from './regional-diagnosis-changes';

/**
 * A new text of the region's diagnosis, its next version; the earlier ones stay readable (the CPOMs drafted on
 * them name them). Only the DIRECCTE or the Caisse of the region, or an administrator; `If-Match` required.
 */
@Injectable()
export class ReviseRegionalDiagnosisHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly diagnoses: RegionalDiagnosisRepository,
    private readonly changes: RegionalDiagnosisChanges,
    private readonly scope: ScopeEnforcer,
    private readonly clock: Clock,
  ) {}

  async execute(id: string, expectedVersion: number, content: DiagnosisContent): Promise<RegionalDiagnosis> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const diagnosis = await this.diagnoses.findById(id, manager, true);
      if (!diagnosis) throw new RegionalDiagnosisNotFoundError(id);
      this.scope.assertCanActInRegion(diagnosis.region);
      assertVersionMatches(expectedVersion, diagnosis.version);
      const text = diagnosis.revise(content, {
        on: calendarDateAt(now),
        by: currentContext()?.actor?.organisationId ?? null,
      });
      if (!(await this.diagnoses.saveNewVersion(manager, diagnosis, expectedVersion, now))) {
        throw new PreconditionFailedError(expectedVersion, diagnosis.version);
      }
      await this.changes.record(manager, diagnosis, {
        versionBefore: expectedVersion,
        summary: `Region ${diagnosis.region}: shared diagnosis "${text.title}" of ${text.diagnosedOn} recorded as version ${text.number}`,
      });
      return diagnosis;
    });
  }
}
