import { Module } from '@nestjs/common';
import { ProjectionModule } from '../projection/projection.module';
import { MeasurementController } from './api/measurement.controller';
import { CorrectMeasurementHandler } from './application/correct-measurement.handler';
import { CpomIndicatorsQuery } from './application/cpom-indicators.query';
import { RecordMeasurementHandler } from './application/record-measurement.handler';
import { ReportingFrame } from './application/reporting-frame';
import { MeasurementRepository } from './infrastructure/measurement.repository';

/** Values reported on CPOM indicators, and the indicator list with progress and status. */
@Module({
  imports: [ProjectionModule],
  controllers: [MeasurementController],
  providers: [
    RecordMeasurementHandler,
    CorrectMeasurementHandler,
    ReportingFrame,
    CpomIndicatorsQuery,
    MeasurementRepository,
  ],
  exports: [MeasurementRepository],
})
export class MeasurementModule {}
