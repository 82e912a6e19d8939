import { regionCodeSchema } from '@tripartite/events';
import { recordedListQuerySchema } from '@tripartite/http';

/** Query of `GET /api/v1/regional-diagnoses`: `from`/`to` is when they were first recorded on the platform. */
export const listRegionalDiagnosesQuerySchema = recordedListQuerySchema({
  region: regionCodeSchema.optional(),
});

export type ListRegionalDiagnosesQuery = ReturnType<typeof listRegionalDiagnosesQuerySchema.parse>;
