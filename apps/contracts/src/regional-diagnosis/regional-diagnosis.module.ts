import { Module } from '@nestjs/common';
import { RegionalDiagnosisController } from './api/regional-diagnosis.controller';
import { RecordRegionalDiagnosisHandler } from './application/record-regional-diagnosis.handler';
import { RegionalDiagnosisReader } from './application/regional-diagnosis.reader';
import { RegionalDiagnosisChanges } from './application/regional-diagnosis-changes';
import { ReviseRegionalDiagnosisHandler } from './application/revise-regional-diagnosis.handler';
import { RegionalDiagnosisRepository } from './infrastructure/regional-diagnosis.repository';

/**
 * Regional shared diagnoses (seed 002, part II.4), one per region, versioned. Exports
 * `RegionalDiagnosisReader` (a region's diagnosis as plain data) for the CPOM's context and its PDF.
 */
@Module({
  controllers: [RegionalDiagnosisController],
  providers: [
    RecordRegionalDiagnosisHandler,
    ReviseRegionalDiagnosisHandler,
    RegionalDiagnosisChanges,
    RegionalDiagnosisRepository,
    RegionalDiagnosisReader,
  ],
  exports: [RegionalDiagnosisReader],
})
export class RegionalDiagnosisModule {}
