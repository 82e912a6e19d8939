import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DiagnosisVersion } from '../domain/regional-diagnosis.types';
import { RegionalDiagnosisRepository } from '../infrastructure/regional-diagnosis.repository';

/** A version of a region's diagnosis as the CPOM reads it (its context chapter; the printed CPOM). */
export interface RegionalDiagnosisText extends DiagnosisVersion {
  diagnosisId: string;
  region: string;
}

/**
 * What the rest of the contracts service reads of the regional diagnoses: plain data, no scope check (the
 * caller has checked its reader may see the CPOM, and the diagnosis of a CPOM's region goes with it).
 */
@Injectable()
export class RegionalDiagnosisReader {
  constructor(private readonly diagnoses: RegionalDiagnosisRepository) {}

  /** The latest version of the region's diagnosis, or null while the region has none. */
  async latestOf(region: string, manager?: EntityManager): Promise<RegionalDiagnosisText | null> {
    const diagnosis = await this.diagnoses.findByRegion(region, manager);
    return diagnosis ? { diagnosisId: diagnosis.id, region, ...diagnosis.latest } : null;
  }

  /** One version (the one a CPOM was drafted on), or null when there is no such diagnosis or version. */
  async version(
    diagnosisId: string,
    number: number,
    manager?: EntityManager,
  ): Promise<RegionalDiagnosisText | null> {
    const diagnosis = await this.diagnoses.findById(diagnosisId, manager);
    const text = diagnosis?.versionNumbered(number);
    return diagnosis && text ? { diagnosisId, region: diagnosis.region, ...text } : null;
  }
}
