import { Controller, Get, Inject, type Type } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiZodResponse, ZodParams, ZodQuery } from '@tripartite/http';
import { z } from 'zod';
import { type HistoryPage, historyPageSchema, historyQuerySchema } from './audit-entry';
import { AuditTrail } from './audit-trail';

export interface AuditHistoryRouteOptions {
  /** The resource's path, e.g. `api/v1/agreements`: the route is `<path>/{id}/history`. */
  path: string;
  /** The aggregate type the service records for this resource (`AuditTrail.record({ aggregateType })`). */
  aggregateType: string;
  /** OpenAPI tag; defaults to the aggregate type. */
  tag?: string;
}

const aggregateIdParams = z.object({ id: z.string().min(1).max(200) });

/** What the generated controller serves. */
export interface AuditHistoryEndpoint {
  history(params: { id: string }, query: z.infer<typeof historyQuerySchema>): Promise<HistoryPage>;
}

/**
 * A controller serving `GET <path>/{id}/history` for one aggregate type. In a service:
 * `@Roles('admin', 'national') export class AgreementHistoryController extends auditHistoryController({...}) {}`
 * and list it in the module's controllers (or list `auditHistoryController({...})` itself).
 */
export function auditHistoryController(options: AuditHistoryRouteOptions): Type<AuditHistoryEndpoint> {
  @ApiTags(options.tag ?? options.aggregateType)
  @Controller(options.path)
  class AuditHistoryController implements AuditHistoryEndpoint {
    constructor(@Inject(AuditTrail) readonly auditTrail: AuditTrail) {}

    @Get(':id/history')
    @ApiOperation({
      operationId: `${options.aggregateType}History`,
      summary: `Who did what to this ${options.aggregateType}, when, and from which version to which`,
    })
    @ApiZodResponse(200, historyPageSchema, 'One page of the history, oldest first')
    history(
      @ZodParams(aggregateIdParams) params: z.infer<typeof aggregateIdParams>,
      @ZodQuery(historyQuerySchema) query: z.infer<typeof historyQuerySchema>,
    ): Promise<HistoryPage> {
      return this.auditTrail.history(options.aggregateType, params.id, query);
    }
  }
  return AuditHistoryController;
}
