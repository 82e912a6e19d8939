import type { organisationSnapshotSchema } from '@tripartite/events';
import type { z } from 'zod';

/** The directory's view of an organisation: what `organisation.registered` carries. */
export type OrganisationSnapshot = z.infer<typeof organisationSnapshotSchema>;
export type OrganisationType = OrganisationSnapshot['type'];
