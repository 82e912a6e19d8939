import { Injectable } from '@nestjs/common';
import { ChangeRecorder } from '@tripartite/platform';
import type { EntityManager } from 'typeorm';
import type { RegionalDiagnosis } from '../domain/regional-diagnosis';

/**
 * The audit entry of each version of a regional diagnosis, in its transaction. No event: no other service
 * consumes the diagnosis (the CPOMs of this same service read it; ADR 0020).
 */
@Injectable()
export class RegionalDiagnosisChanges {
  constructor(private readonly recorder: ChangeRecorder) {}

  record(
    manager: EntityManager,
    diagnosis: RegionalDiagnosis,
    change: { versionBefore: number | null; summary: string },
  ): Promise<void> {
    const text = diagnosis.latest;
    return this.recorder.record(
      manager,
      { type: 'regional_diagnosis', id: diagnosis.id, version: diagnosis.version, region: diagnosis.region },
      {
        action: change.versionBefore === null ? 'regional_diagnosis.record' : 'regional_diagnosis.revise',
        versionBefore: change.versionBefore,
        summary: change.summary,
        auditPayload: {
          diagnosisVersion: text.number,
          title: text.title,
          diagnosedOn: text.diagnosedOn,
          sources: [...text.sources],
        },
      },
    );
  }
}
