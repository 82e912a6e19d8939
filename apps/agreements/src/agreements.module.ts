import { type DynamicModule, Module } from '@nestjs/common';
import type { PlatformConfig } from '@tripartite/config';
import { eventCatalogue } from '@tripartite/events';
import { ServicePlatformModule } from '@tripartite/platform';
import { agreementsPersistence } from './agreements.persistence';
import { OrganisationModule } from './organisation/organisation.module';

/** Agreements: the directory of organisations today; agréments and service projects come with issue 4. */
@Module({})
export class AgreementsModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return {
      module: AgreementsModule,
      imports: [
        ServicePlatformModule.forRoot({
          config,
          catalogue: eventCatalogue,
          consumes: [],
          persistence: agreementsPersistence,
          // The clock offset is shared through Redis: one service serves the admin clock API.
          clockAdminApi: true,
        }),
        OrganisationModule,
      ],
    };
  }
}
