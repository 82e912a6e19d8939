import type { ServicePersistence } from '@tripartite/platform';
import { CreateServiceProjects1764120000000 } from '../migrations/1764120000000-create-service-projects';
import { ServiceProjectOrmEntity } from './infrastructure/service-project.orm-entity';
import { ServiceProjectVersionOrmEntity } from './infrastructure/service-project-version.orm-entity';

/** The service projects' tables and migrations, listed in `agreements.persistence.ts`. */
export const serviceProjectPersistence: ServicePersistence = {
  entities: [ServiceProjectOrmEntity, ServiceProjectVersionOrmEntity],
  migrations: [CreateServiceProjects1764120000000],
};
