import type { ServicePersistence } from '@tripartite/platform';
import { CpomOrmEntity } from './cpom/infrastructure/cpom.orm-entity';
import { DirectoryAgreementOrmEntity } from './directory/infrastructure/directory-agreement.orm-entity';
import { DirectoryOrganisationOrmEntity } from './directory/infrastructure/directory-organisation.orm-entity';
import { CreateDirectory1764200000000 } from './migrations/1764200000000-create-directory';
import { CreateCpoms1764210000000 } from './migrations/1764210000000-create-cpoms';
import { CreateRegionalDiagnoses1764300000000 } from './migrations/1764300000000-create-regional-diagnoses';
import { CreatePartnershipProtocols1764300001000 } from './migrations/1764300001000-create-partnership-protocols';
import { PartnershipProtocolOrmEntity } from './partnership-protocol/infrastructure/partnership-protocol.orm-entity';
import { RegionalDiagnosisOrmEntity } from './regional-diagnosis/infrastructure/regional-diagnosis.orm-entity';
import { RegionalDiagnosisVersionOrmEntity } from './regional-diagnosis/infrastructure/regional-diagnosis-version.orm-entity';

/**
 * The contracts service's own tables (the platform's are added by ServicePlatformModule): every entity of its
 * slices and every migration, all in `src/migrations/` (one place per app), run in timestamp order:
 * directory 17642000…, CPOM 17642100…, regional diagnoses and partnership protocols 17643000….
 */
export const contractsPersistence: ServicePersistence = {
  entities: [
    DirectoryOrganisationOrmEntity,
    DirectoryAgreementOrmEntity,
    CpomOrmEntity,
    RegionalDiagnosisOrmEntity,
    RegionalDiagnosisVersionOrmEntity,
    PartnershipProtocolOrmEntity,
  ],
  migrations: [
    CreateDirectory1764200000000,
    CreateCpoms1764210000000,
    CreateRegionalDiagnoses1764300000000,
    CreatePartnershipProtocols1764300001000,
  ],
};
