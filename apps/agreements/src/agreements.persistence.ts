import type { ServicePersistence } from '@tripartite/platform';
import { agreementPersistence } from './agreement/agreement.persistence';
import { CreateOrganisations1764100000000 } from './migrations/1764100000000-create-organisations';
import { AddOrganisationDetails1764100001000 } from './migrations/1764100001000-add-organisation-details';
import { OrganisationOrmEntity } from './organisation/infrastructure/organisation.orm-entity';
import { serviceProjectPersistence } from './service-project/service-project.persistence';

/**
 * The agreements service's own tables (the platform's are added by ServicePlatformModule). Migrations
 * run in timestamp order whatever the list's order: organisations 17641000…, agréments 17641100…,
 * service projects 17641200….
 */
export const agreementsPersistence: ServicePersistence = {
  entities: [OrganisationOrmEntity, ...agreementPersistence.entities, ...serviceProjectPersistence.entities],
  migrations: [
    CreateOrganisations1764100000000,
    AddOrganisationDetails1764100001000,
    ...agreementPersistence.migrations,
    ...serviceProjectPersistence.migrations,
  ],
};
