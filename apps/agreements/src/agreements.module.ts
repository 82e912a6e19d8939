import { type DynamicModule, Module } from '@nestjs/common';
import type { PlatformConfig } from '@tripartite/config';
import { eventCatalogue } from '@tripartite/events';
import { ServicePlatformModule } from '@tripartite/platform';
import { CreateOrganisations1764100000000 } from './migrations/1764100000000-create-organisations';
import { OrganisationOrmEntity } from './organisation/infrastructure/organisation.orm-entity';
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
          entities: [OrganisationOrmEntity],
          migrations: [CreateOrganisations1764100000000],
          // The clock offset is shared through Redis: one service serves the admin clock API.
          clockAdminApi: true,
        }),
        OrganisationModule,
      ],
    };
  }
}
