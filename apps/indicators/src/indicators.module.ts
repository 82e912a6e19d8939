import { type DynamicModule, Module } from '@nestjs/common';
import type { PlatformConfig } from '@tripartite/config';
import { eventCatalogue } from '@tripartite/events';
import { ServicePlatformModule } from '@tripartite/platform';

/** The indicators service. Its domain arrives with its own issue; the platform under it is complete. */
@Module({})
export class IndicatorsModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return {
      module: IndicatorsModule,
      imports: [
        ServicePlatformModule.forRoot({
          config,
          catalogue: eventCatalogue,
          persistence: { entities: [], migrations: [] },
        }),
      ],
    };
  }
}
