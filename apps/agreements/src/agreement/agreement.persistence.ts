import type { ServicePersistence } from '@tripartite/platform';

/** The agréments' tables and migrations, listed in `agreements.persistence.ts`. */
export const agreementPersistence: ServicePersistence = {
  entities: [],
  migrations: [],
};
