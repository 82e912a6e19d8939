import type { ServicePersistence } from '@tripartite/platform';
import { CreateRegionalDiagnoses1764300000000 } from './migrations/1764300000000-create-regional-diagnoses';
import { RegionalDiagnosisOrmEntity } from './regional-diagnosis/infrastructure/regional-diagnosis.orm-entity';
import { RegionalDiagnosisVersionOrmEntity } from './regional-diagnosis/infrastructure/regional-diagnosis-version.orm-entity';

/**
 * The contracts service's own tables (the platform's are added by ServicePlatformModule): every entity of its
 * slices and every migration, all in `src/migrations/` (one place per app), run in timestamp order:
 * regional diagnoses and partnership protocols 17643000….
 */
export const contractsPersistence: ServicePersistence = {
  entities: [RegionalDiagnosisOrmEntity, RegionalDiagnosisVersionOrmEntity],
  migrations: [CreateRegionalDiagnoses1764300000000],
};
