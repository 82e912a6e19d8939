import type { ServicePersistence } from '@tripartite/platform';
import { CreateOrganisations1764100000000 } from './migrations/1764100000000-create-organisations';
import { AddOrganisationDetails1764100001000 } from './migrations/1764100001000-add-organisation-details';
import { OrganisationOrmEntity } from './organisation/infrastructure/organisation.orm-entity';

/** The agreements service's own tables (the platform's are added by ServicePlatformModule). */
export const agreementsPersistence: ServicePersistence = {
  entities: [OrganisationOrmEntity],
  migrations: [CreateOrganisations1764100000000, AddOrganisationDetails1764100001000],
};
