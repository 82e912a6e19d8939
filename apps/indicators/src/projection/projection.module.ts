import { Module } from '@nestjs/common';
import { ContractEventsConsumer } from './application/contract-events.consumer';
import { CpomFigures } from './application/cpom-figures';
import { DirectoryEventsConsumer } from './application/directory-events.consumer';
import { CpomProjection } from './infrastructure/cpom-projection';
import { DirectoryProjection } from './infrastructure/directory-projection';
import { COUNTER_FOLD_MS, SteeringCounters } from './infrastructure/steering-counters';

/** The projections of the other services' events (ADR 0019), with the counters they move. */
@Module({
  controllers: [ContractEventsConsumer, DirectoryEventsConsumer],
  providers: [
    CpomProjection,
    DirectoryProjection,
    SteeringCounters,
    CpomFigures,
    { provide: COUNTER_FOLD_MS, useValue: 1_000 },
  ],
  exports: [CpomFigures],
})
export class ProjectionModule {}
