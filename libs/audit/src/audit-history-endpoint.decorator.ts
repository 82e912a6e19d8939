import { applyDecorators, Get } from '@nestjs/common';
import { QueryEndpoint, ZodQuery } from '@tripartite/http';
import { historyPageSchema, historyQuerySchema } from './audit-entry';

/**
 * `GET <resource>/{id}/history` of one aggregate type, documented as every history is
 * (`getAgreementHistory`…). The method takes `@IdParam() id` and `@HistoryQueryParam() query` and answers
 * `auditTrail.historyOfReadable(aggregateType, id, query, () => this.load(id))`: the resource is loaded first
 * (404, and 403 out of the caller's scope).
 */
export function AuditHistoryEndpoint(aggregateType: string): MethodDecorator {
  const words = aggregateType.split('_');
  const pascal = words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
  return applyDecorators(
    Get(':id/history'),
    QueryEndpoint({
      name: `get${pascal}History`,
      summary: `Who did what to this ${words.join(' ')}, when, and from which version to which`,
      response: historyPageSchema,
      responseDescription: 'One page of the history, oldest first',
      problems: [400, 403, 404],
    }),
  );
}

/** The query of a history (`from`, `to`, `page`, `pageSize`), validated, as a `HistoryQuery`. */
export function HistoryQueryParam(): ParameterDecorator {
  return ZodQuery(historyQuerySchema);
}
