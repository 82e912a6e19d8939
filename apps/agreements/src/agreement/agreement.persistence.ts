import type { ServicePersistence } from '@tripartite/platform';
import { AgreementOrmEntity } from './infrastructure/agreement.orm-entity';
import { CreateAgreements1764110000000 } from './migrations/1764110000000-create-agreements';

/** The agréments' tables and migrations, listed in `agreements.persistence.ts`. */
export const agreementPersistence: ServicePersistence = {
  entities: [AgreementOrmEntity],
  migrations: [CreateAgreements1764110000000],
};
