import type { ServicePersistence } from '@tripartite/platform';
import { DirectoryAgreementOrmEntity } from './directory/infrastructure/directory-agreement.orm-entity';
import { DirectoryOrganisationOrmEntity } from './directory/infrastructure/directory-organisation.orm-entity';
import { CreateDirectory1764200000000 } from './migrations/1764200000000-create-directory';

/**
 * The contracts service's own tables (the platform's are added by ServicePlatformModule): every entity of its
 * slices and every migration, all in `src/migrations/` (one place per app), run in timestamp order:
 * directory 17642000…, CPOM 17642100….
 */
export const contractsPersistence: ServicePersistence = {
  entities: [DirectoryOrganisationOrmEntity, DirectoryAgreementOrmEntity],
  migrations: [CreateDirectory1764200000000],
};
