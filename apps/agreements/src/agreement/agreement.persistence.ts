import type { ServicePersistence } from '@tripartite/platform';
import { AgreementOrmEntity } from './infrastructure/agreement.orm-entity';
import { CpomProjectionOrmEntity } from './infrastructure/cpom-projection.orm-entity';
import { CreateAgreements1764110000000 } from './migrations/1764110000000-create-agreements';
import { CreateCpomProjection1764110001000 } from './migrations/1764110001000-create-cpom-projection';

/** The agréments' tables and migrations, listed in `agreements.persistence.ts`. */
export const agreementPersistence: ServicePersistence = {
  entities: [AgreementOrmEntity, CpomProjectionOrmEntity],
  migrations: [CreateAgreements1764110000000, CreateCpomProjection1764110001000],
};
