import { applyDecorators, Get } from '@nestjs/common';
import { QueryEndpoint } from '@tripartite/http';
import { historyPageSchema } from './audit-entry';

/**
 * `GET <resource>/{id}/history` of one aggregate type, documented as every history is
 * (`getAgreementHistory`…). The method loads the resource first (404, and 403 out of the caller's
 * scope), then answers `auditTrail.history(aggregateType, id, query)` with `@ZodQuery(historyQuerySchema)`.
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
