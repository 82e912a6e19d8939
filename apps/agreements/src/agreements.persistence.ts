import type { ServicePersistence } from '@tripartite/platform';
import { AgreementOrmEntity } from './agreement/infrastructure/agreement.orm-entity';
import { CpomProjectionOrmEntity } from './agreement/infrastructure/cpom-projection.orm-entity';
import { CreateOrganisations1764100000000 } from './migrations/1764100000000-create-organisations';
import { AddOrganisationDetails1764100001000 } from './migrations/1764100001000-add-organisation-details';
import { CreateAgreements1764110000000 } from './migrations/1764110000000-create-agreements';
import { CreateCpomProjection1764110001000 } from './migrations/1764110001000-create-cpom-projection';
import { AddAgreementServiceTypeCaisseAndOrigin1764110002000 } from './migrations/1764110002000-add-agreement-service-type-caisse-and-origin';
import { CreateServiceProjects1764120000000 } from './migrations/1764120000000-create-service-projects';
import { AddServiceProjectWithdrawal1764120001000 } from './migrations/1764120001000-add-service-project-withdrawal';
import { OrganisationOrmEntity } from './organisation/infrastructure/organisation.orm-entity';
import { ServiceProjectOrmEntity } from './service-project/infrastructure/service-project.orm-entity';
import { ServiceProjectVersionOrmEntity } from './service-project/infrastructure/service-project-version.orm-entity';

/**
 * The agreements service's own tables (the platform's are added by ServicePlatformModule): every entity of
 * its slices, and every migration, which all live in `src/migrations/` (one place per app). Migrations run in
 * timestamp order: organisations 17641000…, agréments 17641100…, service projects 17641200….
 */
export const agreementsPersistence: ServicePersistence = {
  entities: [
    OrganisationOrmEntity,
    AgreementOrmEntity,
    CpomProjectionOrmEntity,
    ServiceProjectOrmEntity,
    ServiceProjectVersionOrmEntity,
  ],
  migrations: [
    CreateOrganisations1764100000000,
    AddOrganisationDetails1764100001000,
    CreateAgreements1764110000000,
    CreateCpomProjection1764110001000,
    AddAgreementServiceTypeCaisseAndOrigin1764110002000,
    CreateServiceProjects1764120000000,
    AddServiceProjectWithdrawal1764120001000,
  ],
};
