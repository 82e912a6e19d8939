import { type DynamicModule, Module } from '@nestjs/common';
import type { PlatformConfig } from '@tripartite/config';
import { eventCatalogue } from '@tripartite/events';
import { ServicePlatformModule } from '@tripartite/platform';
import { AgreementModule } from './agreement/agreement.module';
import { agreementsPersistence } from './agreements.persistence';
import { OrganisationModule } from './organisation/organisation.module';
import { ServiceProjectModule } from './service-project/service-project.module';

/** Agreements: the directory of organisations, agréments and service projects (issue 4). */
@Module({})
export class AgreementsModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return {
      module: AgreementsModule,
      imports: [
        ServicePlatformModule.forRoot({
          config,
          catalogue: eventCatalogue,
          persistence: agreementsPersistence,
          // The clock offset is shared through Redis: one service serves the admin clock API.
          clockAdminApi: true,
        }),
        OrganisationModule,
        AgreementModule,
        ServiceProjectModule,
      ],
    };
  }
}
