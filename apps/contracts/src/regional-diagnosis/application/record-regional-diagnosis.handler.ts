import { Injectable } from '@nestjs/common';
import { ScopeEnforcer } from '@tripartite/auth';
import { calendarDateAt } from '@tripartite/calendar';
import { Clock } from '@tripartite/clock';
import { currentContext } from '@tripartite/context';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { RegionalDiagnosis } from '../domain/regional-diagnosis';
import { RegionalDiagnosisAlreadyExistsError } from '../domain/regional-diagnosis.errors';
import type { DiagnosisContent } from '../domain/regional-diagnosis.types';
import { RegionalDiagnosisRepository } from '../infrastructure/regional-diagnosis.repository';
import { RegionalDiagnosisChanges } from './regional-diagnosis-changes';

export type RecordRegionalDiagnosisCommand = DiagnosisContent & { region: string };

/**
 * The DIRECCTE or the Caisse of the region (or an administrator) records the region's shared diagnosis, its
 * version 1 (seed 002, part II.4). One per region: a second is refused (409), its text is a new version.
 */
@Injectable()
export class RecordRegionalDiagnosisHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly diagnoses: RegionalDiagnosisRepository,
    private readonly changes: RegionalDiagnosisChanges,
    private readonly scope: ScopeEnforcer,
    private readonly clock: Clock,
  ) {}

  async execute(command: RecordRegionalDiagnosisCommand): Promise<RegionalDiagnosis> {
    const { region, ...content } = command;
    this.scope.assertCanActInRegion(region);
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      await this.diagnoses.lockRegion(manager, region);
      const existing = await this.diagnoses.findByRegion(region, manager);
      if (existing) throw new RegionalDiagnosisAlreadyExistsError(region, existing.id);
      const diagnosis = RegionalDiagnosis.record(uuidv7(), region, content, {
        on: calendarDateAt(now),
        by: currentContext()?.actor?.organisationId ?? null,
      });
      await this.diagnoses.insert(manager, diagnosis, now);
      await this.changes.record(manager, diagnosis, {
        versionBefore: null,
        summary: `Region ${region}: shared diagnosis "${content.title}" of ${content.diagnosedOn} recorded as version 1`,
      });
      return diagnosis;
    });
  }
}
