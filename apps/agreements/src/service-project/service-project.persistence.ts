import type { ServicePersistence } from '@tripartite/platform';
import { CreateServiceProjects1764120000000 } from '../migrations/1764120000000-create-service-projects';
import { AddServiceProjectWithdrawal1764120001000 } from '../migrations/1764120001000-add-service-project-withdrawal';
import { ServiceProjectOrmEntity } from './infrastructure/service-project.orm-entity';
import { ServiceProjectVersionOrmEntity } from './infrastructure/service-project-version.orm-entity';

/** The service projects' tables and migrations, listed in `agreements.persistence.ts`. */
export const serviceProjectPersistence: ServicePersistence = {
  entities: [ServiceProjectOrmEntity, ServiceProjectVersionOrmEntity],
  migrations: [CreateServiceProjects1764120000000, AddServiceProjectWithdrawal1764120001000],
};
