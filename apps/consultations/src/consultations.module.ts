import { type DynamicModule, Module } from '@nestjs/common';
import type { PlatformConfig } from '@tripartite/config';
import { eventCatalogue } from '@tripartite/events';
import { ServicePlatformModule } from '@tripartite/platform';

/** The consultations service. Its domain arrives with its own issue; the platform under it is complete. */
@Module({})
export class ConsultationsModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return {
      module: ConsultationsModule,
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
