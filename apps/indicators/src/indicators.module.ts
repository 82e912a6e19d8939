import { type DynamicModule, Module } from '@nestjs/common';
import type { PlatformConfig } from '@tripartite/config';
import { eventCatalogue } from '@tripartite/events';
import { ServicePlatformModule } from '@tripartite/platform';
import { DashboardModule } from './dashboard/dashboard.module';
import { indicatorsPersistence } from './indicators.persistence';
import { MeasurementModule } from './measurement/measurement.module';
import { ProjectionModule } from './projection/projection.module';
import { ReplayModule } from './replay/replay.module';

/**
 * Indicators (issue 13): projections of the other services' events, the values reported on CPOM indicators,
 * the regional and national steering figures and their exports (ADR 0019).
 */
@Module({})
export class IndicatorsModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return {
      module: IndicatorsModule,
      imports: [
        ServicePlatformModule.forRoot({
          config,
          catalogue: eventCatalogue,
          persistence: indicatorsPersistence,
        }),
        ProjectionModule,
        MeasurementModule,
        DashboardModule,
        ReplayModule,
      ],
    };
  }
}
