import type { Actor } from '@tripartite/context';
import { type Page, pageSchemaOf, recordedListQuerySchema } from '@tripartite/http';
import { z } from 'zod';

/** What a command says about itself; who, when and the ids come from the clock and the request context. */
export interface AuditEntryInput {
  /** What was done, as a verb on the aggregate: `agreement.grant`, `cpom.sign`. */
  action: string;
  aggregateType: string;
  aggregateId: string;
  /** Version before the change (null for a creation) and after it (null for a deletion). */
  versionBefore: number | null;
  versionAfter: number | null;
  /** One sentence for people reading the history. */
  summary: string;
  /** The command's decisive data (no secrets, no personal data beyond what the decision needs). */
  payload?: Record<string, unknown>;
  /** Who acted, when not the caller of the current request (e.g. a consumer acting for an event's author). */
  actor?: Actor;
}

export const auditRecordSchema = z.object({
  id: z.string(),
  occurredAt: z.string().describe('ISO 8601 instant'),
  actor: z.object({
    subject: z.string(),
    roles: z.array(z.string()),
    organisationId: z.string().nullable(),
    region: z.string().nullable(),
  }),
  action: z.string(),
  aggregateType: z.string(),
  aggregateId: z.string(),
  versionBefore: z.number().int().nullable(),
  versionAfter: z.number().int().nullable(),
  summary: z.string(),
  payload: z.record(z.string(), z.unknown()),
  correlationId: z.string().nullable(),
  causationId: z.string().nullable(),
  requestId: z.string().nullable(),
});
export type AuditRecord = z.infer<typeof auditRecordSchema>;

/** Query of a history: `from`/`to` (when the change was recorded), `page`, `pageSize`. */
export const historyQuerySchema = recordedListQuerySchema({});
/** A history query as `@ZodQuery(historyQuerySchema)` hands it over: the period as instants. */
export type HistoryQuery = z.output<typeof historyQuerySchema>;

export const historyPageSchema = pageSchemaOf(auditRecordSchema, 'Oldest first');
export type HistoryPage = Page<AuditRecord>;
