import type { ServicePersistence } from '@tripartite/platform';
import { CreateDirectoryProjections1764400000000 } from './migrations/1764400000000-create-directory-projections';
import { CreateBodies1764410000000 } from './migrations/1764410000000-create-bodies';
import { CreateConsultationPlans1764420000000 } from './migrations/1764420000000-create-consultation-plans';
import { CreateConsultations1764430000000 } from './migrations/1764430000000-create-consultations';
import { CreateAgrementPolicyReports1764440000000 } from './migrations/1764440000000-create-agrement-policy-reports';

/**
 * The consultations service's own tables (the platform's are added by ServicePlatformModule). Its slices read
 * and write them in SQL (ADR 0018: small tables, jsonb for the nested parts), so no ORM entity is listed.
 * Migrations run in timestamp order: directory 17644000…, bodies 17644100…, plans 17644200…, consultations
 * 17644300…, agrément policy reports 17644400….
 */
export const consultationsPersistence: ServicePersistence = {
  entities: [],
  migrations: [
    CreateDirectoryProjections1764400000000,
    CreateBodies1764410000000,
    CreateConsultationPlans1764420000000,
    CreateConsultations1764430000000,
    CreateAgrementPolicyReports1764440000000,
  ],
};
