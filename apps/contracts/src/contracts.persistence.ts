import type { ServicePersistence } from '@tripartite/platform';
import { CpomOrmEntity } from './cpom/infrastructure/cpom.orm-entity';
import { DirectoryAgreementOrmEntity } from './directory/infrastructure/directory-agreement.orm-entity';
import { DirectoryOrganisationOrmEntity } from './directory/infrastructure/directory-organisation.orm-entity';
import { CreateDirectory1764200000000 } from './migrations/1764200000000-create-directory';
import { CreateCpoms1764210000000 } from './migrations/1764210000000-create-cpoms';

/**
 * The contracts service's own tables (the platform's are added by ServicePlatformModule): every entity of its
 * slices and every migration, all in `src/migrations/` (one place per app), run in timestamp order:
 * directory 17642000…, CPOM 17642100….
 */
export const contractsPersistence: ServicePersistence = {
  entities: [DirectoryOrganisationOrmEntity, DirectoryAgreementOrmEntity, CpomOrmEntity],
  migrations: [CreateDirectory1764200000000, CreateCpoms1764210000000],
};
