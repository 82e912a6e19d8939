import type { ServicePersistence } from '@tripartite/platform';

/** The service projects' tables and migrations, listed in `agreements.persistence.ts`. */
export const serviceProjectPersistence: ServicePersistence = {
  entities: [],
  migrations: [],
};
